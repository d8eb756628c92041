// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Webhooks: Messenger, WhatsApp (Cloud API) and Twilio SMS into the
// Conversations runtime (HandleInbound: the channel's rules, the turn, the
// platform's payloads), answered through the platforms' send APIs when the
// operator gave their tokens (else the payloads are counted as unsent and
// dropped). Every webhook's signature is checked (chatcart/channels.h):
//
//   GET  /webhooks/messenger|whatsapp   Meta's subscribe handshake
//   POST /webhooks/messenger|whatsapp   X-Hub-Signature-256 over the body
//   POST /webhooks/twilio               X-Twilio-Signature over public_url
//
// A webhook is answered 200 once every message in it is applied (a retry
// of it is then a duplicate); 401 for a bad signature, 404 for a channel
// not configured, 413 beyond the platforms' size, 400 for a malformed one,
// 503 when the store failed (the platform retries).
//
// Thread safety: safe for concurrent access from multiple threads without
// any external synchronization.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_WEBHOOKS_H_
#define CHATCART_EXAMPLES_CLI_SERVE_WEBHOOKS_H_

#include <string>

#include "chatcart/channels.h"
#include "chatcart/runtime.h"

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

namespace chatcart::serve {

class Metrics;

struct WebhookOptions {
  // The platforms' secrets: Meta's app secret and verify token (Messenger
  // and WhatsApp), Twilio's auth token. An empty one leaves its channel off.
  channels::Credentials credentials;
  // The URL Twilio is configured to call, without the path
  // ("https://shop.example"): its signature covers it.
  std::string public_url;
  // Tokens for sending; an empty one: that channel's answers are not sent.
  std::string messenger_page_token;
  std::string whatsapp_token;
  std::string twilio_account_sid;
  // Where the send APIs are (tests point it at a local stub). Empty: the
  // platforms' own, https://graph.facebook.com and https://api.twilio.com.
  std::string send_api_base;
};

class Webhooks {
 public:
  Webhooks(Conversations& conversations, WebhookOptions options, Metrics& metrics);
  void Routes(httplib::Server& http);

  // Whether any channel is configured.
  bool enabled() const;

 private:
  void Subscribe(const httplib::Request& req, httplib::Response& res);
  void Receive(channels::Channel channel, const httplib::Request& req, httplib::Response& res);
  // Sends one platform request (counted in /metrics by outcome).
  void Send(channels::Channel channel, const channels::InboundMessage& to,
            const channels::OutboundMessage& message);

  Conversations& conversations_;
  const WebhookOptions options_;
  Metrics& metrics_;
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_WEBHOOKS_H_
