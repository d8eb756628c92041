// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The server's life and its plain routes: the page and its assets,
// /healthz, /metrics, the timer loop. The shopper's routes are in
// shopper.cc.

#include "serve/storefront.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "chatcart/limits.h"
#include "serve/assets.h"
#include "serve/console.h"
#include "serve/event_log.h"
#include "serve/http_server.h"
#include "serve/metrics.h"
#include "serve/rate_limiter.h"

namespace chatcart::serve {

absl::StatusOr<std::unique_ptr<Storefront>> Storefront::Create(StorefrontOptions options) {
  if (options.conversations == nullptr) {
    return absl::InvalidArgumentError("serve: no conversations runtime");
  }
  if (options.threads < 2 || options.threads > 10000) {
    return absl::InvalidArgumentError("serve: --threads must be 2 to 10000");
  }
  if ((options.desk == nullptr) != (options.accounts == nullptr)) {
    return absl::InvalidArgumentError("serve: a desk needs agent accounts and the reverse");
  }
  if (options.max_body_bytes < 256 || options.max_text_bytes < 1 || options.burst < 1 ||
      options.refill.count() < 1 || options.stream_lifetime.count() < 100) {
    return absl::InvalidArgumentError("serve: a limit is out of range");
  }
  return std::unique_ptr<Storefront>(new Storefront(std::move(options)));
}

Storefront::Storefront(StorefrontOptions options)
    : options_(std::move(options)),
      http_(options_.server != nullptr ? options_.server : std::make_shared<HttpServer>()),
      log_(std::make_unique<EventLog>(options_.log_events_per_conversation,
                                      options_.log_conversations, options_.log_max_bytes)),
      metrics_(std::make_unique<serve::Metrics>()),
      limiter_(std::make_unique<RateLimiter>(options_.burst, options_.refill)) {
  if (options_.desk != nullptr) {
    console_ = std::make_unique<Console>(
        *options_.conversations, *options_.desk, options_.accounts, options_.canned_replies,
        [this](const std::string& conversation_id, const v1::TurnResult& result,
               const std::string& agent) {
          constexpr std::string_view kWeb = "web:";
          if (conversation_id.rfind(kWeb, 0) == 0) {
            LogResult(conversation_id.substr(kWeb.size()), result, agent);
          }
        });
  }
  const int threads = options_.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd_ = sock;
  });
  // A body is held to its limit by its Content-Length before it is read;
  // without one it is refused (cpp-httplib 0.11.4 reads a chunked body, or
  // one without a length, whole, whatever its size). So also instead of the
  // "100 Continue" a client asks for before sending a body. A refusal says
  // "Connection: close": its body is left unread, and HttpServer ends the
  // connection after it rather than read that body as requests
  // (http_server.h). The payload limit is cpp-httplib's own, a backstop.
  http_->set_payload_max_length(kMaxWebhookBytes);
  http_->set_expect_100_continue_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        return Refuse(req, res) ? res.status : 100;
      });
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    using Result = httplib::Server::HandlerResponse;
    return Refuse(req, res) ? Result::Handled : Result::Unhandled;
  });
  // A response that ends its connection says only that (cpp-httplib adds
  // "Keep-Alive" unless the request asked to close).
  http_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.get_header_value("Connection") != "close") return;
    res.headers.erase("Connection");
    res.headers.erase("Keep-Alive");
    res.set_header("Connection", "close");
  });
  // The page runs only its own script and talks only to this server.
  http_->set_default_headers({
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
  });
  Routes();
}

bool Storefront::Refuse(const httplib::Request& req, httplib::Response& res) const {
  // The methods cpp-httplib reads a body for; a DELETE only with a length.
  const std::string& method = req.method;
  if (method != "POST" && method != "PUT" && method != "PATCH" && method != "DELETE" &&
      method != "PRI") {
    return false;
  }
  if (req.has_header("Transfer-Encoding") ||
      (method != "DELETE" && !req.has_header("Content-Length"))) {
    res.status = 411;
    res.set_content("{\"error\":\"a Content-Length is required\"}", "application/json");
  } else {
    const bool webhook = req.path.rfind("/webhooks/", 0) == 0;
    const uint64_t limit = webhook ? kMaxWebhookBytes : options_.max_body_bytes;
    const uint64_t length = req.get_header_value<uint64_t>("Content-Length");
    if (length <= limit) return false;
    res.status = 413;
    res.set_content(
        absl::StrCat("{\"error\":\"request too large: ", length, " bytes, over the limit of ",
                     limit, webhook ? " (kMaxWebhookBytes)\"}" : " (max_body_bytes)\"}"),
        "application/json");
  }
  res.set_header("Connection", "close");
  return true;
}

Storefront::~Storefront() {
  Stop();
  if (timers_.joinable()) timers_.join();
}

void Storefront::Routes() {
  auto asset = [](std::string_view path, httplib::Response& res) {
    const Asset* a = FindAsset(path);
    if (a == nullptr) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(a->body.data(), a->body.size(), std::string(a->content_type).c_str());
  };
  http_->Get(
      "/", [asset](const httplib::Request&, httplib::Response& res) { asset("/index.html", res); });
  http_->Get(
      R"(/(widget\.js|widget\.css|shop\.css))",
      [asset](const httplib::Request& req, httplib::Response& res) { asset(req.path, res); });
  http_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain; charset=utf-8");
  });
  http_->Get("/metrics",
             [this](const httplib::Request& req, httplib::Response& res) { Metrics(req, res); });
  http_->Post("/api/message", [this](const httplib::Request& req, httplib::Response& res) {
    PostMessage(req, res);
  });
  http_->Get("/api/events",
             [this](const httplib::Request& req, httplib::Response& res) { Events(req, res); });
  if (console_ != nullptr) console_->Routes(*http_);
  webhooks_ = std::make_unique<Webhooks>(*options_.conversations, options_.webhooks, *metrics_);
  if (webhooks_->enabled()) webhooks_->Routes(*http_);
  http_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    // cpp-httplib's own refusals but 404 (a request it could not parse, a
    // body over its limit): what follows on the connection cannot be told
    // from the request's body, and HttpServer ends it.
    if (res.status != 404) res.set_header("Connection", "close");
    // 413 here is cpp-httplib's payload limit, kMaxWebhookBytes (Refuse
    // stops a request over it first).
    const std::string what = res.status == 413
                                 ? absl::StrCat("request too large: over the limit of ",
                                                kMaxWebhookBytes, " bytes (kMaxWebhookBytes)")
                             : res.status == 404 ? "not found"
                                                 : "bad request";
    res.set_content("{\"error\":\"" + what + "\"}", "application/json");
  });
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content("{\"error\":\"internal error\"}", "application/json");
      });
}

void Storefront::Metrics(const httplib::Request&, httplib::Response& res) {
  const bool desk = console_ != nullptr;
  res.set_content(metrics_->Text(desk ? console_->QueueLength() : -1,
                                 desk ? console_->AgentsOnline() : -1, log_->conversations()),
                  "text/plain; version=0.0.4; charset=utf-8");
}

absl::StatusOr<int> Storefront::Bind(const std::string& host, int port) {
  int bound = port;
  if (port == 0) {
    bound = http_->bind_to_any_port(host);
    if (bound < 0) bound = 0;
  } else if (!http_->bind_to_port(host, port)) {
    bound = 0;
  }
  if (bound <= 0) {
    return absl::UnavailableError("serve: cannot listen on " + host + ":" + std::to_string(port));
  }
  // listen(2) again on a listening socket sets its backlog (Linux).
  if (listen_fd_ >= 0 && ::listen(listen_fd_, options_.listen_backlog) != 0) {
    std::fprintf(stderr, "serve: listen backlog %d: %s\n", options_.listen_backlog,
                 std::strerror(errno));
  }
  return bound;
}

void Storefront::Run() {
  timers_ = std::thread([this] { FireTimers(); });
  http_->listen_after_bind();
}

void Storefront::Stop() {
  if (stopping_.exchange(true)) return;
  log_->Close();
  http_->stop();
}

void Storefront::FireTimers() {
  while (!stopping_.load()) {
    const int64_t now_ms = absl::ToUnixMillis(absl::Now());
    absl::StatusOr<std::vector<DueTimer>> due = options_.conversations->DueTimers(now_ms, 100);
    if (!due.ok()) {
      metrics_->StoreError();
      std::fprintf(stderr, "serve: timers: %s\n", due.status().ToString().c_str());
    } else {
      for (const DueTimer& timer : *due) {
        absl::StatusOr<ConversationOutput> out = options_.conversations->FireTimer(timer);
        if (!out.ok()) continue;  // NOT_FOUND: the conversation moved on
        metrics_->TimerFired();
        constexpr std::string_view kWeb = "web:";
        if (timer.conversation_id.rfind(kWeb, 0) == 0) {
          LogResult(timer.conversation_id.substr(kWeb.size()), out->result);
        }
      }
    }
    // The desk ticks every second (offers lapse, positions are pushed);
    // sleep in small steps so Stop is quick.
    for (auto slept = std::chrono::milliseconds(0); slept < options_.timer_poll && !stopping_;
         slept += std::chrono::milliseconds(100)) {
      if (console_ != nullptr && slept.count() % 1000 == 0) {
        if (absl::Status s = console_->Tick(); !s.ok()) {
          metrics_->StoreError();
          std::fprintf(stderr, "serve: desk: %s\n", s.ToString().c_str());
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

}  // namespace chatcart::serve
