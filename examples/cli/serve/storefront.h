// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Storefront: `chatcart serve`, an HTTP face over the Conversations runtime
// (chatcart/runtime.h) on cpp-httplib. It serves a small shop page with the
// chat widget (assets compiled into the binary), takes the shopper's
// messages as JSON posts, streams replies and events back as server-sent
// events (resumable with Last-Event-ID, see event_log.h), fires the
// conversations' timers, and reports /healthz and /metrics. docs/SERVE.md
// documents the endpoints and their limits.
//
//   StorefrontOptions options;
//   options.conversations = std::move(conversations);
//   auto front = Storefront::Create(std::move(options));
//   int port = *(*front)->Bind("127.0.0.1", 0);   // 0: any free port
//   (*front)->Run();                               // until Stop()
//
// Thread safety: Stop may be called from any thread (a signal handler's
// helper thread); everything else belongs to the thread that created it.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_STOREFRONT_H_
#define CHATCART_EXAMPLES_CLI_SERVE_STOREFRONT_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/runtime.h"
#include "serve/webhooks.h"

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

namespace chatcart::serve {

class Accounts;
class Console;
class EventLog;
class HttpServer;
class Metrics;
class RateLimiter;

struct StorefrontOptions {
  // Required: the runtime every web conversation goes through.
  std::unique_ptr<Conversations> conversations;
  // Optional, together: the agent desk the runtime hands conversations to
  // (ConversationsOptions::desk) and the agents who may sign in to the
  // console (/console). Without them a handoff is the bundle's host action
  // only and there is no console.
  std::shared_ptr<Desk> desk;
  std::shared_ptr<const Accounts> accounts;
  // The canned replies agents type by code (optional; the same the
  // runtime's suggestions use).
  std::shared_ptr<const CannedReplies> canned_replies;
  // Messenger, WhatsApp and Twilio webhooks (webhooks.h); off while no
  // secret is given.
  WebhookOptions webhooks;

  // ---- Limits
  // HTTP worker threads. Each open event stream holds one, so this bounds
  // the shoppers watching at once (the rest wait in the listen queue).
  // Default: 256.
  int threads = 256;
  // Connections waiting to be accepted (listen(2)'s backlog; Debian's
  // cpp-httplib is built with 5, which makes a burst of connections wait a
  // second for a SYN retransmit). Capped by net.core.somaxconn. Default: 1024.
  int listen_backlog = 1024;
  // Largest body of a shopper's or agent's request (413 beyond, naming
  // it), by its Content-Length before it is read; a request with a body
  // needs one (411). Either refusal ends the connection. Default: 4 KiB.
  // Webhooks may be up to kMaxWebhookBytes (chatcart/limits.h).
  size_t max_body_bytes = 4096;
  // Longest message text, in bytes (400 beyond). Default: 1,000.
  size_t max_text_bytes = 1000;
  // Events kept per conversation, conversations kept and the bytes of
  // their events, for replay (event_log.h). Defaults: 500, 10,000, 256 MiB.
  size_t log_events_per_conversation = 500;
  size_t log_conversations = 10000;
  size_t log_max_bytes = 256 << 20;
  // A stream ends after this long (the browser reconnects with
  // Last-Event-ID), so a worker is never held for ever. Default: 60 s.
  std::chrono::milliseconds stream_lifetime{60000};
  // A comment line this often keeps proxies from closing an idle stream.
  // Default: 15 s.
  std::chrono::milliseconds heartbeat{15000};
  // Messages per conversation: a burst of `burst`, then one every
  // `refill`; beyond it 429. Defaults: 8, 1 s.
  int burst = 8;
  std::chrono::milliseconds refill{1000};
  // How often due conversation timers are fired. Default: 2 s.
  std::chrono::milliseconds timer_poll{2000};

  // ---- Testing
  // The server the routes are registered on. Default (null): a new
  // HttpServer. The fuzz target passes one it feeds requests to in-process
  // (tests/fuzz/serve_requests_fuzzer.cc), without Bind or Run.
  std::shared_ptr<HttpServer> server;
};

class Storefront {
 public:
  // INVALID_ARGUMENT without conversations or with limits out of range.
  static absl::StatusOr<std::unique_ptr<Storefront>> Create(StorefrontOptions options);
  Storefront(const Storefront&) = delete;
  Storefront& operator=(const Storefront&) = delete;
  ~Storefront();

  // Binds host:port (0: a free port); returns the port. UNAVAILABLE when
  // the address cannot be bound.
  absl::StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop(). REQUIRES: Bind succeeded.
  void Run();
  // Ends every stream and makes Run return.
  void Stop();

 private:
  explicit Storefront(StorefrontOptions options);
  void Routes();
  // Refuses a request whose body is not to be read: 411 without a
  // Content-Length (or with a Transfer-Encoding), 413 over the limit
  // (max_body_bytes; kMaxWebhookBytes for /webhooks/). Returns false, res
  // untouched, for a request to read.
  bool Refuse(const httplib::Request& req, httplib::Response& res) const;
  void PostMessage(const httplib::Request& req, httplib::Response& res);
  void Events(const httplib::Request& req, httplib::Response& res);
  void Metrics(const httplib::Request& req, httplib::Response& res);
  void FireTimers();
  // Appends a turn's replies (or the runtime's error, in shopper's words)
  // to the conversation's event log.
  // `agent`: the agent whose words these are (shown above them).
  void LogResult(const std::string& conversation, const v1::TurnResult& result,
                 const std::string& agent = "");

  StorefrontOptions options_;
  std::shared_ptr<HttpServer> http_;
  std::unique_ptr<EventLog> log_;
  std::unique_ptr<serve::Metrics> metrics_;
  std::unique_ptr<RateLimiter> limiter_;
  std::unique_ptr<Console> console_;  // with a desk only
  std::unique_ptr<Webhooks> webhooks_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> listen_fd_{-1};  // the last socket httplib made for listening
  std::thread timers_;
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_STOREFRONT_H_
