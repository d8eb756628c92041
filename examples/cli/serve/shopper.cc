// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The shopper's routes: POST /api/message (a message or a quick reply in,
// applied through Conversations::Handle) and GET /api/events (the
// conversation's event log as server-sent events). What a shopper is told
// on an error is a short fixed sentence; the runtime's own message goes to
// the server's log only.

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "chatcart/wire.h"
#include "json_writer.h"
#include "serve/event_log.h"
#include "serve/json_body.h"
#include "serve/metrics.h"
#include "serve/rate_limiter.h"
#include "serve/storefront.h"

namespace chatcart::serve {
namespace {

using Clock = std::chrono::steady_clock;

bool IsStoreError(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
      return true;
    default:
      return false;
  }
}

// One SSE frame; a data line per line of `data` (the format's rule).
std::string Frame(std::string_view id, std::string_view type, std::string_view data) {
  std::string out;
  if (!id.empty()) out.append("id: ").append(id).append("\n");
  out.append("event: ").append(type).append("\n");
  size_t start = 0;
  while (true) {
    size_t nl = data.find('\n', start);
    out.append("data: ").append(data.substr(start, nl - start)).append("\n");
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  out.append("\n");
  return out;
}

struct Message {
  std::string conversation, id, text, payload, shown, lang;
};

// The post's JSON: {"conversation", "id", "text" | "payload" (+ "shown",
// the button's title), "lang"}. Empty on success, else what is wrong.
std::string ParseMessage(const std::string& body, Message* m) {
  auto fields = ParseStringObject(body);
  if (!fields.ok()) return std::string(fields.status().message());
  auto get = [&](std::string_view key) {
    auto it = fields->find(key);
    return it == fields->end() ? std::string() : it->second;
  };
  m->conversation = get("conversation");
  m->id = get("id");
  m->text = get("text");
  m->payload = get("payload");
  m->shown = get("shown");
  m->lang = get("lang");
  if (!IsToken(m->conversation)) return "conversation: 8 to 64 letters, digits, - or _";
  if (!IsToken(m->id)) return "id: 8 to 64 letters, digits, - or _";
  if (m->text.empty() == m->payload.empty()) return "give text or payload";
  if (!m->lang.empty() && m->lang != "en" && m->lang != "it" && m->lang != "fr") {
    return "lang: en, it or fr";
  }
  return "";
}

}  // namespace

void Storefront::PostMessage(const httplib::Request& req, httplib::Response& res) {
  Message m;
  std::string bad = ParseMessage(req.body, &m);
  if (bad.empty() &&
      (m.text.size() > options_.max_text_bytes || m.payload.size() > 200 || m.shown.size() > 200)) {
    bad = "the message is too long";
  }
  if (!bad.empty()) {
    metrics_->Rejected();
    return JsonError(res, 400, bad);
  }
  if (!limiter_->Allow(m.conversation)) {
    metrics_->Rejected();
    res.set_header("Retry-After", "2");
    return JsonError(res, 429, "Too many messages at once: please wait a moment.");
  }

  // What the shopper sees of their own message, once per message id even
  // when the browser retries the post.
  cli::JsonWriter shopper;
  shopper.BeginObject();
  shopper.Key("text");
  shopper.String(m.text.empty() ? (m.shown.empty() ? m.payload : m.shown) : m.text);
  shopper.EndObject();
  log_->AppendOnce(m.conversation, m.id, "shopper", shopper.str());
  log_->Append(m.conversation, "typing", "{\"on\":true}");

  ConversationInput in;
  in.conversation_id = "web:" + m.conversation;
  in.message_id = m.id;
  if (!m.text.empty()) in.turn.set_text(m.text);
  if (!m.payload.empty()) in.turn.set_payload(m.payload);
  in.turn.set_channel("web");
  if (!m.lang.empty()) in.turn.set_locale_hint(m.lang);
  const absl::Time now = absl::Now();
  in.turn.mutable_time()->set_seconds(absl::ToUnixSeconds(now));
  in.turn.mutable_time()->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(now - absl::FromUnixSeconds(absl::ToUnixSeconds(now)))));

  const Clock::time_point start = Clock::now();
  absl::StatusOr<ConversationOutput> out = options_.conversations->Handle(in);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  metrics_->Turn(out.ok(), out.ok() && out->duplicate, seconds);
  if (!out.ok()) {
    std::fprintf(stderr, "serve: %s: %s\n", in.conversation_id.c_str(),
                 out.status().ToString().c_str());
    if (IsStoreError(out.status())) {
      metrics_->StoreError();
      log_->Append(m.conversation, "notice", "{\"code\":\"unavailable\"}");
      return JsonError(res, 503,
                       "Sorry, we could not take your message just now. Please try again.");
    }
    log_->Append(m.conversation, "notice", "{\"code\":\"unreadable\"}");
    return JsonError(res, 400, "Sorry, that message could not be read.");
  }
  if (out->duplicate) {
    log_->Append(m.conversation, "typing", "{\"on\":false}");
  } else {
    LogResult(m.conversation, out->result);
  }
  res.set_content(out->duplicate ? "{\"duplicate\":true}" : "{\"duplicate\":false}",
                  "application/json");
}

void Storefront::LogResult(const std::string& conversation, const v1::TurnResult& result,
                           const std::string& agent) {
  // Only what the page shows: the trace and host actions stay here.
  v1::TurnResult shown;
  *shown.mutable_replies() = result.replies();
  shown.set_language(result.language());
  absl::StatusOr<std::string> json = DeterministicJson(shown);
  if (!json.ok()) {
    std::fprintf(stderr, "serve: %s\n", json.status().ToString().c_str());
    log_->Append(conversation, "notice", "{\"code\":\"unavailable\"}");
    return;
  }
  if (!agent.empty() && json->size() > 2) {
    cli::JsonWriter name;
    name.String(agent);
    *json = "{\"agent\":" + name.str() + "," + json->substr(1);
  }
  log_->Append(conversation, "bot", *std::move(json));
}

void Storefront::Events(const httplib::Request& req, httplib::Response& res) {
  const std::string conversation = req.get_param_value("conversation");
  if (!IsToken(conversation)) {
    metrics_->Rejected();
    return JsonError(res, 400, "conversation: 8 to 64 letters, digits, - or _");
  }
  // The browser's own reconnect sends Last-Event-ID; a fresh page asks for
  // everything (no header, or ?after= from its own state).
  std::string last = req.get_header_value("Last-Event-ID");
  if (last.empty()) last = req.get_param_value("after");

  struct Stream {
    std::string conversation;
    uint64_t after = 0;
    Clock::time_point end;
    bool started = false;
  };
  auto stream = std::make_shared<Stream>();
  stream->conversation = conversation;
  stream->after = log_->SeqOf(last);
  stream->end = Clock::now() + options_.stream_lifetime;
  metrics_->StreamOpened();
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, stream](size_t, httplib::DataSink& sink) {
        std::string out;
        const Clock::time_point now = Clock::now();
        if (stopping_.load() || now >= stream->end) {
          sink.done();
          return true;
        }
        // The first read does not wait: what was missed, then "ready" (the
        // page counts unread messages from there on).
        const bool first = !stream->started;
        stream->started = true;
        auto wait = first ? Clock::duration::zero()
                          : std::min<Clock::duration>(options_.heartbeat, stream->end - now);
        EventLog::Read read =
            log_->After(stream->conversation, stream->after,
                        std::chrono::duration_cast<std::chrono::milliseconds>(wait));
        if (first) out = "retry: 1000\n\n";
        if (read.trimmed) out += Frame("", "trimmed", "{}");
        for (const Event& e : read.events) {
          out += Frame(log_->IdOf(e.seq), e.type, e.data);
          stream->after = e.seq;
        }
        if (first) out += Frame("", "ready", "{}");
        if (out.empty()) out = ": keep-alive\n\n";
        return sink.write(out.data(), out.size());
      },
      [this](bool) { metrics_->StreamClosed(); });
}

}  // namespace chatcart::serve
