// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Raw bytes as one connection to `chatcart serve` (#21, #22): the requests
// in them, pipelined, are served in order by a Storefront
// (examples/cli/serve/) over the demo bundle, with the agent desk, the
// console (one agent) and the Messenger, WhatsApp and Twilio webhooks on:
// the page and its assets, chat posts, event streams, console sign-in and
// desk calls, webhooks, and whatever else the bytes say.
//
// cpp-httplib 0.11.4 serves only sockets. MemoryServer, an HttpServer
// (serve/http_server.h, the server `chatcart serve` listens with) made here
// and handed to the Storefront (StorefrontOptions::server), serves the
// requests with HttpServer::ServeRequest, as it does a socket's, over
// MemoryStream, a connection in memory: reads come from the input, writes
// are kept. No socket, thread or network is involved; the platforms' send
// APIs are off (no tokens).
//
// Before each request, placeholders in its header lines are filled in, so
// that inputs reach past sign-in and signatures:
//   $SESSION           the session cookie the last sign-in set
//   $CSRF              that session's CSRF token
//   $META_SIGNATURE    X-Hub-Signature-256 of the request's body
//   $TWILIO_SIGNATURE  X-Twilio-Signature of the request's URL and body
// The agent is "nick", password "fuzz-password"; the Meta verify token is
// "fuzz-verify".
//
// Checked for every response: it is an HTTP/1.1 status line and headers;
// the status is not 500 (the exception handler's: a handler threw); the
// bytes are well-formed UTF-8 (what the server writes quotes requests in
// places); a 411 or 413 (a body refused unread) says "Connection: close",
// and a response that says so ends the connection: no more of the input is
// served as requests, so a request in a refused body never is
// (unread_body_*.http in the corpus, issue #22). An event stream's first
// read is served; the stream then fails its next write, as a closed
// connection would (later reads wait for events).
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/serve;
// CHATCART_FUZZ_PRINT=1 prints each response.

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "chatcart/channels.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"
#include "common/strings.h"
#include "common/utf8_scrub.h"
#include "fuzz/fuzz_demo.h"
#include "serve/accounts.h"
#include "serve/http_server.h"
#include "serve/storefront.h"

const char chatcart::fuzz::kTarget[] = "serve_requests_fuzzer";

namespace {

using chatcart::ToAbsl;
using chatcart::serve::Accounts;
using chatcart::serve::Storefront;
using chatcart::serve::StorefrontOptions;

constexpr char kMetaSecret[] = "fuzz-app-secret";
constexpr char kTwilioToken[] = "fuzz-twilio-token";
constexpr char kPublicUrl[] = "https://shop.example";
// Requests served per input at most (a keep-alive connection's worth).
constexpr int kMaxRequests = 64;

// A connection in memory: reads the input, keeps what the server writes.
class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(std::string in) : in_(std::move(in)) {}

  bool is_readable() const override { return pos_ < in_.size(); }
  bool is_writable() const override { return !closed_; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (closed_) return -1;
    out_.append(ptr, size);
    // An event stream's first read ends with its "ready" frame.
    if (out_.find("\r\n\r\n") != std::string::npos &&
        out_.find("Content-Type: text/event-stream") != std::string::npos &&
        out_.find("event: ready\n") != std::string::npos) {
      closed_ = true;
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }

  // What is left to read, for the placeholders.
  std::string& rest() { return in_; }
  size_t pos() const { return pos_; }
  // The response written since the last call.
  std::string TakeResponse() {
    closed_ = false;
    return std::exchange(out_, std::string());
  }

 private:
  std::string in_;
  size_t pos_ = 0;
  std::string out_;
  bool closed_ = false;
};

// An HttpServer that serves a MemoryStream in-process (ServeRequest).
class MemoryServer final : public chatcart::serve::HttpServer {
 public:
  MemoryServer() {
    // httplib writes a streamed (chunked) body only while the server is
    // not shutting down, which it reads as svr_sock_ != INVALID_SOCKET;
    // nothing else in process_request uses it, and stop() (Storefront's
    // destructor) touches it only while listening, which this never does.
    svr_sock_ = 0;
  }
};

std::string HeaderValue(std::string_view headers, std::string_view name) {
  size_t at = 0;
  while ((at = headers.find("\r\n", at)) != std::string_view::npos) {
    at += 2;
    if (headers.size() - at > name.size() &&
        absl::EqualsIgnoreCase(ToAbsl(headers.substr(at, name.size())), ToAbsl(name)) &&
        headers[at + name.size()] == ':') {
      size_t end = headers.find("\r\n", at);
      std::string_view value = headers.substr(at + name.size() + 1, end - at - name.size() - 1);
      return std::string(absl::StripAsciiWhitespace(ToAbsl(value)));
    }
  }
  return "";
}

void Replace(std::string& text, size_t from, size_t to, std::string_view placeholder,
             const std::string& value) {
  for (size_t at = text.find(placeholder, from); at != std::string::npos && at < to;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
    to = to + value.size() - placeholder.size();
  }
}

// Fills in the placeholders of the next request's header lines.
void FillIn(MemoryStream& stream, const std::string& session, const std::string& csrf) {
  std::string& in = stream.rest();
  const size_t start = stream.pos();
  const size_t end = in.find("\r\n\r\n", start);
  if (end == std::string::npos) return;
  const std::string_view headers(in.data() + start, end - start);
  if (headers.find('$') == std::string_view::npos) return;
  uint64_t length = 0;
  (void)absl::SimpleAtoi(ToAbsl(HeaderValue(headers, "Content-Length")), &length);
  const std::string body = in.substr(end + 4, std::min<uint64_t>(length, in.size() - end - 4));
  const std::string meta = chatcart::channels::MetaSignature(body, kMetaSecret);
  const size_t space = headers.find(' '), path_end = headers.find(' ', space + 1);
  std::string twilio;
  if (space != std::string_view::npos && path_end != std::string_view::npos) {
    auto signed_url = chatcart::channels::TwilioSignature(
        std::string(kPublicUrl) + std::string(headers.substr(space + 1, path_end - space - 1)),
        body, kTwilioToken);
    if (signed_url.ok()) twilio = *signed_url;
  }
  size_t to = end;
  for (const auto& [placeholder, value] :
       {std::pair<std::string_view, const std::string&>{"$SESSION", session},
        {"$CSRF", csrf},
        {"$META_SIGNATURE", meta},
        {"$TWILIO_SIGNATURE", twilio}}) {
    const size_t before = in.size();
    Replace(in, start, to, placeholder, value);
    to = to + in.size() - before;
  }
}

// The head of a response, after any interim "100 Continue", to its blank
// line (empty when there is none).
std::string_view FinalHead(std::string_view response) {
  for (;;) {
    const size_t end = response.find("\r\n\r\n");
    if (end == std::string_view::npos) return {};
    if (response.rfind("HTTP/1.1 1", 0) != 0) return response.substr(0, end + 2);
    response.remove_prefix(end + 4);
  }
}

// The sign-in a response made, if any: its cookie and CSRF token.
void NoteSession(const std::string& response, std::string* session, std::string* csrf) {
  constexpr std::string_view kCookie = "Set-Cookie: cc_agent=";
  if (size_t at = response.find(kCookie); at != std::string::npos) {
    at += kCookie.size();
    *session = response.substr(at, response.find(';', at) - at);
  }
  constexpr std::string_view kCsrf = "\"csrf\":\"";
  if (size_t at = response.find(kCsrf); at != std::string::npos) {
    at += kCsrf.size();
    *csrf = response.substr(at, response.find('"', at) - at);
  }
}

// CHATCART_FUZZ_PRINT=1: each response to stderr (for writing seeds).
bool Print() {
  static const bool print = std::getenv("CHATCART_FUZZ_PRINT") != nullptr;
  return print;
}

const Accounts& Agents() {
  static const Accounts* accounts = [] {
    auto line = chatcart::serve::AccountLine("nick", "Nick", "fuzz-password", 10000);
    FUZZ_CHECK(line.ok(), "no account line");
    auto parsed = Accounts::Parse(*line, "fuzz");
    FUZZ_CHECK(parsed.ok(), "the account line does not parse");
    return new Accounts(*std::move(parsed));
  }();
  return *accounts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chatcart;
  const Engine& engine = fuzz::Demo();
  auto desk = Desk::Create(NewInMemoryDeskStore(), {});
  FUZZ_CHECK(desk.ok(), "no desk");
  ConversationsOptions conversations;
  conversations.engine = std::shared_ptr<const Engine>(std::shared_ptr<const Engine>(), &engine);
  auto store = OpenSessionStore("memory:");
  FUZZ_CHECK(store.ok(), "no store");
  conversations.store = *std::move(store);
  conversations.desk = std::shared_ptr<Desk>(*std::move(desk));
  conversations.channel_policy = engine.channel_policy();
  conversations.store_name = engine.identity().name;
  StorefrontOptions options;
  options.desk = conversations.desk;
  auto runtime = Conversations::Create(std::move(conversations));
  FUZZ_CHECK(runtime.ok(), "no conversations");
  options.conversations = *std::move(runtime);
  options.accounts = std::make_shared<const Accounts>(Agents());
  options.webhooks.credentials.meta_app_secret = kMetaSecret;
  options.webhooks.credentials.meta_verify_token = "fuzz-verify";
  options.webhooks.credentials.twilio_auth_token = kTwilioToken;
  options.webhooks.public_url = kPublicUrl;
  options.threads = 2;
  options.heartbeat = std::chrono::milliseconds(1);
  auto server = std::make_shared<MemoryServer>();
  options.server = server;
  auto front = Storefront::Create(std::move(options));
  FUZZ_CHECK(front.ok(), "no storefront");

  MemoryStream stream(std::string(reinterpret_cast<const char*>(data), size));
  std::string session, csrf;
  for (int n = 1; n <= kMaxRequests && stream.is_readable(); ++n) {
    FillIn(stream, session, csrf);
    const bool more = server->ServeRequest(stream, n == kMaxRequests);
    const std::string response = stream.TakeResponse();
    if (Print()) std::fprintf(stderr, "--- response %d\n%s\n", n, response.c_str());
    if (!response.empty()) {
      FUZZ_CHECK(response.rfind("HTTP/1.1 ", 0) == 0 && response.size() >= 12 &&
                     std::isdigit(static_cast<unsigned char>(response[9])) &&
                     response.find("\r\n\r\n") != std::string::npos,
                 "a response without a status line and headers");
      FUZZ_CHECK(response.compare(9, 3, "500") != 0, "a handler threw (500)");
      FUZZ_CHECK(IsWellFormedUtf8(response), "a response that is not well-formed UTF-8");
      NoteSession(response, &session, &csrf);
      const std::string_view head = FinalHead(response);
      const bool refused =
          head.rfind("HTTP/1.1 411 ", 0) == 0 || head.rfind("HTTP/1.1 413 ", 0) == 0;
      const bool says_close = HeaderValue(head, "Connection") == "close";
      FUZZ_CHECK(!refused || says_close, "a 411 or 413 that does not say \"Connection: close\"");
      FUZZ_CHECK(!says_close || !more,
                 "the connection goes on after \"Connection: close\" (a refused body would be "
                 "read as requests)");
    }
    if (!more) break;
  }
  return 0;
}
