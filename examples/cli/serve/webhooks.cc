// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/webhooks.h"

#include <httplib.h>

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "serve/json_body.h"
#include "serve/metrics.h"
#include "simdjson.h"

namespace chatcart::serve {
namespace {

constexpr char kMessagesHelp[] = "Webhook messages, by channel and outcome.";
constexpr char kSendsHelp[] = "Platform send API requests, by channel and outcome.";

std::string Labels(channels::Channel channel, std::string_view outcome) {
  return absl::StrCat("channel=\"", std::string(channels::ChannelName(channel)), "\",outcome=\"",
                      std::string(outcome), "\"");
}

}  // namespace

Webhooks::Webhooks(Conversations& conversations, WebhookOptions options, Metrics& metrics)
    : conversations_(conversations), options_(std::move(options)), metrics_(metrics) {}

bool Webhooks::enabled() const {
  return !options_.credentials.meta_app_secret.empty() ||
         !options_.credentials.twilio_auth_token.empty();
}

void Webhooks::Routes(httplib::Server& http) {
  for (const char* path : {"/webhooks/messenger", "/webhooks/whatsapp"}) {
    http.Get(path,
             [this](const httplib::Request& req, httplib::Response& res) { Subscribe(req, res); });
  }
  http.Post("/webhooks/messenger", [this](const httplib::Request& req, httplib::Response& res) {
    Receive(channels::Channel::kMessenger, req, res);
  });
  http.Post("/webhooks/whatsapp", [this](const httplib::Request& req, httplib::Response& res) {
    Receive(channels::Channel::kWhatsApp, req, res);
  });
  http.Post("/webhooks/twilio", [this](const httplib::Request& req, httplib::Response& res) {
    Receive(channels::Channel::kSms, req, res);
  });
}

void Webhooks::Subscribe(const httplib::Request& req, httplib::Response& res) {
  if (options_.credentials.meta_verify_token.empty()) {
    return JsonError(res, 404, "this channel is not configured");
  }
  const size_t q = req.target.find('?');
  const std::string query = q == std::string::npos ? "" : req.target.substr(q + 1);
  absl::StatusOr<std::string> challenge =
      channels::AnswerSubscribe(query, options_.credentials.meta_verify_token);
  if (absl::IsPermissionDenied(challenge.status())) {
    return JsonError(res, 403, "wrong verify token");
  }
  if (!challenge.ok()) return JsonError(res, 400, std::string(challenge.status().message()));
  // Echoed as UTF-8 text (Meta's is a number): bytes that are not were
  // answered as they came (serve_requests, regress_challenge_not_utf8.http).
  if (!simdjson::validate_utf8(*challenge)) {
    return JsonError(res, 400, "subscribe handshake: hub.challenge is not well-formed UTF-8");
  }
  res.set_content(*challenge, "text/plain; charset=utf-8");
}

void Webhooks::Receive(channels::Channel channel, const httplib::Request& req,
                       httplib::Response& res) {
  const bool sms = channel == channels::Channel::kSms;
  if (sms ? options_.credentials.twilio_auth_token.empty()
          : options_.credentials.meta_app_secret.empty()) {
    return JsonError(res, 404, "this channel is not configured");
  }
  const std::string signature =
      req.get_header_value(sms ? "X-Twilio-Signature" : "X-Hub-Signature-256");
  const std::string url = options_.public_url + req.target;
  channels::WebhookRequest request;
  request.body = req.body;
  request.signature = signature;
  request.url = url;
  request.received_ms = absl::ToUnixMillis(absl::Now());
  absl::StatusOr<channels::Inbound> inbound =
      channels::ParseWebhook(channel, request, options_.credentials);
  if (!inbound.ok()) {
    metrics_.Count("chatcart_webhook_messages_total", Labels(channel, "rejected"), kMessagesHelp);
    const absl::Status& s = inbound.status();
    if (absl::IsUnauthenticated(s)) return JsonError(res, 401, "bad signature");
    if (absl::IsResourceExhausted(s)) return JsonError(res, 413, std::string(s.message()));
    return JsonError(res, 400, std::string(s.message()));
  }
  for (const channels::InboundMessage& message : inbound->messages) {
    absl::StatusOr<ConversationOutput> out = conversations_.HandleInbound(message);
    if (!out.ok()) {
      metrics_.Count("chatcart_webhook_messages_total", Labels(channel, "error"), kMessagesHelp);
      std::fprintf(stderr, "serve: %s webhook: %s\n", std::string(ChannelName(channel)).c_str(),
                   out.status().ToString().c_str());
      if (absl::IsInvalidArgument(out.status())) continue;  // this message only; retry won't help
      // The platform retries the webhook; what was applied is a duplicate then.
      return JsonError(res, 503, "try again");
    }
    metrics_.Count("chatcart_webhook_messages_total",
                   Labels(channel, out->duplicate ? "duplicate" : "ok"), kMessagesHelp);
    if (!out->render_status.ok()) {
      // Outside the 24-hour window, an opted-out number: applied, not sent.
      metrics_.Count("chatcart_sends_total", Labels(channel, "refused_by_channel_rules"),
                     kSendsHelp);
    }
    for (const channels::OutboundMessage& o : out->outbound) Send(channel, message, o);
  }
  res.set_content("{}", "application/json");
}

void Webhooks::Send(channels::Channel channel, const channels::InboundMessage& to,
                    const channels::OutboundMessage& message) {
  std::string base, path;
  httplib::Headers headers;
  std::string basic_user, basic_password;
  switch (channel) {
    case channels::Channel::kMessenger:
      if (options_.messenger_page_token.empty()) break;
      base = "https://graph.facebook.com";
      path = "/v19.0/me/messages";
      headers.emplace("Authorization", "Bearer " + options_.messenger_page_token);
      break;
    case channels::Channel::kWhatsApp:
      if (options_.whatsapp_token.empty()) break;
      base = "https://graph.facebook.com";
      path = "/v19.0/" + to.account + "/messages";
      headers.emplace("Authorization", "Bearer " + options_.whatsapp_token);
      break;
    case channels::Channel::kSms:
      if (options_.twilio_account_sid.empty()) break;
      base = "https://api.twilio.com";
      path = "/2010-04-01/Accounts/" + options_.twilio_account_sid + "/Messages.json";
      basic_user = options_.twilio_account_sid;
      basic_password = options_.credentials.twilio_auth_token;
      break;
    case channels::Channel::kWeb:
      break;
  }
  if (path.empty()) {
    metrics_.Count("chatcart_sends_total", Labels(channel, "no_token"), kSendsHelp);
    return;
  }
  if (!options_.send_api_base.empty()) base = options_.send_api_base;
  httplib::Client client(base);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(10));
  client.set_write_timeout(std::chrono::seconds(10));
  if (!basic_user.empty()) client.set_basic_auth(basic_user.c_str(), basic_password.c_str());
  httplib::Result result =
      client.Post(path.c_str(), headers, message.body, message.content_type.c_str());
  const bool ok = result && result->status >= 200 && result->status < 300;
  if (!ok) {
    std::fprintf(stderr, "serve: sending to %s%s failed: %s\n", base.c_str(), path.c_str(),
                 result ? std::to_string(result->status).c_str()
                        : httplib::to_string(result.error()).c_str());
  }
  metrics_.Count("chatcart_sends_total", Labels(channel, ok ? "sent" : "failed"), kSendsHelp);
}

}  // namespace chatcart::serve
