// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Channels: Messenger, WhatsApp (Cloud API), SMS (Twilio) and the web widget,
// in and out, within each platform's rules. Pure functions over bytes: the
// host owns the network (it receives the webhook and sends the payloads);
// chatcart checks signatures, turns webhooks into turn inputs, renders turn
// results as each platform's exact API payloads within its limits, and keeps
// the rules that cost a store the channel when broken (the 24-hour window,
// SMS opt-out).
//
//   // 1. A webhook arrives (POST /webhooks/messenger).
//   chatcart::channels::Credentials creds;
//   creds.meta_app_secret = "...";
//   auto inbound = chatcart::channels::ParseWebhook(
//       chatcart::channels::Channel::kMessenger,
//       {.body = raw_body, .signature = header("X-Hub-Signature-256")}, creds);
//   if (!inbound.ok()) return 403;          // UNAUTHENTICATED: bad signature
//   for (const auto& message : inbound->messages) {
//     // 2. Load the session and its ChannelState (bytes you stored).
//     auto seen = chatcart::channels::Observe(message, policy, &state);
//     if (seen.duplicate) continue;         // applied once already
//     if (seen.reply) { send(*seen.reply); continue; }   // STOP, HELP, MORE
//     if (!seen.forward) continue;          // a receipt, or opted out
//     auto result = session->HandleTurn(seen.input);
//     // 3. Render for the channel and send each payload in order.
//     auto out = chatcart::channels::Render(*result, request, &state);
//   }
//
// Limits are the platforms' documented ones (docs/CHANNELS.md lists each with
// its source). Lengths count UTF-16 code units, which is never less than the
// code points or characters a platform counts, so a rendered field is within
// the limit whichever way the platform counts. What does not fit degrades
// deterministically (the same input gives the same bytes): text is shortened
// at a word boundary with an ellipsis, never inside a UTF-8 sequence or a
// price; buttons become a list; a carousel is split; each change is named in
// OutboundMessage::adjustments.
//
// Thread safety: every function here is a pure function of its arguments and
// may be called from any number of threads at once; a ChannelState is a value
// used by one thread at a time.

#ifndef CHATCART_CHANNELS_H_
#define CHATCART_CHANNELS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/limits.h"
#include "chatcart/v1/channels.pb.h"
#include "chatcart/v1/order.pb.h"
#include "chatcart/v1/turn.pb.h"

namespace chatcart::channels {

enum class Channel { kWeb = 1, kMessenger = 2, kWhatsApp = 3, kSms = 4 };

// "web", "messenger", "whatsapp", "sms": TurnInput.channel's values.
std::string_view ChannelName(Channel channel);
// The channel named `name` (as ChannelName gives it); INVALID_ARGUMENT
// otherwise.
absl::StatusOr<Channel> ParseChannel(std::string_view name);

// ---------------------------------------------------------------- limits

// The platforms' documented limits the renderers keep (UTF-16 code units).
// Sources: docs/CHANNELS.md and the comments in lib/channels/limits.h.
struct Limits {
  // Messenger (developers.facebook.com/docs/messenger-platform).
  static constexpr int kMessengerText = 2000;
  static constexpr int kMessengerQuickReplies = 13;
  static constexpr int kMessengerQuickReplyTitle = 20;
  static constexpr int kMessengerPayload = 1000;
  static constexpr int kMessengerCarouselElements = 10;
  static constexpr int kMessengerElementTitle = 80;
  static constexpr int kMessengerElementSubtitle = 80;
  static constexpr int kMessengerElementButtons = 3;
  static constexpr int kMessengerButtonTitle = 20;
  static constexpr int kMessengerReceiptElements = 100;
  // WhatsApp Cloud API (developers.facebook.com/docs/whatsapp).
  static constexpr int kWhatsAppText = 4096;
  static constexpr int kWhatsAppButtons = 3;
  static constexpr int kWhatsAppButtonTitle = 20;
  static constexpr int kWhatsAppButtonId = 256;
  static constexpr int kWhatsAppInteractiveBody = 1024;
  static constexpr int kWhatsAppListRows = 10;
  static constexpr int kWhatsAppListButton = 20;
  static constexpr int kWhatsAppRowTitle = 24;
  static constexpr int kWhatsAppRowDescription = 72;
  static constexpr int kWhatsAppRowId = 200;
  static constexpr int kWhatsAppCaption = 1024;
  // SMS (GSM 03.38 segments; Twilio's cap per message).
  static constexpr int kSmsGsmSingle = 160;
  static constexpr int kSmsGsmPart = 153;
  static constexpr int kSmsUcs2Single = 70;
  static constexpr int kSmsUcs2Part = 67;
  static constexpr int kTwilioMaxChars = 1600;
  // Messaging windows.
  static constexpr int64_t kWindowMs = 24LL * 3600 * 1000;
  static constexpr int64_t kHumanAgentWindowMs = 7LL * 24 * 3600 * 1000;
  static constexpr int64_t kAdWindowMs = 7LL * 24 * 3600 * 1000;
  // Webhook bodies above this are refused before any parsing (Meta's and
  // Twilio's are a few KiB): chatcart::kMaxWebhookBytes (limits.h).
  static constexpr size_t kMaxWebhookBytes = chatcart::kMaxWebhookBytes;
};

// ---------------------------------------------------------------- signatures

// The secrets a host configured on each platform.
struct Credentials {
  // Messenger and WhatsApp: the Meta app secret (X-Hub-Signature-256).
  std::string meta_app_secret;
  // The verify token typed into the app dashboard (subscribe handshake).
  std::string meta_verify_token;
  // SMS: the Twilio account's auth token (X-Twilio-Signature).
  std::string twilio_auth_token;
  // Skip signature checks. Only for trying payloads by hand; never in a
  // server. The web widget is never signed (the host authenticates it with
  // its own session). Default: false.
  bool skip_signature_check = false;
};

// "sha256=" + the lowercase hex HMAC-SHA256 of `body` keyed with
// `app_secret`: the X-Hub-Signature-256 header Meta sends.
std::string MetaSignature(std::string_view body, std::string_view app_secret);

// OK when `header` (the X-Hub-Signature-256 value) is MetaSignature(body,
// app_secret), compared in constant time; UNAUTHENTICATED when it is
// missing, malformed or different. `body` must be the raw bytes received.
absl::Status VerifyMetaSignature(std::string_view body, std::string_view header,
                                 std::string_view app_secret);

// The base64 HMAC-SHA1, keyed with `auth_token`, of `url` followed by each
// POST parameter of the form-encoded `form_body`, sorted by name, as name
// and value concatenated (decoded): the X-Twilio-Signature header.
// INVALID_ARGUMENT for a body that is not form encoding.
absl::StatusOr<std::string> TwilioSignature(std::string_view url, std::string_view form_body,
                                            std::string_view auth_token);

// OK when `header` is TwilioSignature(url, form_body, auth_token), compared
// in constant time; UNAUTHENTICATED otherwise. `url` is the full URL Twilio
// requested, query included, exactly as configured in the console.
absl::Status VerifyTwilioSignature(std::string_view url, std::string_view form_body,
                                   std::string_view header, std::string_view auth_token);

// The subscribe handshake: Meta GETs the callback URL with
// hub.mode=subscribe&hub.verify_token=...&hub.challenge=... . `query` is the
// raw query string (without '?'). Returns the challenge to answer with (HTTP
// 200, body = challenge); PERMISSION_DENIED for a token that is not
// `verify_token` (constant-time); INVALID_ARGUMENT when hub.mode is not
// "subscribe" or a parameter is missing.
absl::StatusOr<std::string> AnswerSubscribe(std::string_view query, std::string_view verify_token);

// ---------------------------------------------------------------- inbound

// The webhook as the host received it.
struct WebhookRequest {
  // The raw body bytes, exactly as received (signatures are over them).
  std::string_view body;
  // The signature header's value (X-Hub-Signature-256 for Messenger and
  // WhatsApp, X-Twilio-Signature for SMS); empty when absent.
  std::string_view signature;
  // SMS: the full URL Twilio requested, as configured, query included.
  std::string_view url;
  // When the host received it (Unix milliseconds): the time of messages
  // whose platform sends none (Twilio's SMS webhook, a widget message
  // without "time").
  int64_t received_ms = 0;
};

enum class InboundKind {
  kMessage = 1,   // the shopper wrote, tapped a quick reply or a button
  kReferral = 2,  // an ad click or link opened the conversation (event "ad_click" / "referral")
  kDelivery = 3,  // a message of ours was delivered (event "message_delivered")
  kRead = 4,      // a message of ours was read (event "message_read")
};

// One thing that happened in a conversation, as a turn input.
struct InboundMessage {
  Channel channel = Channel::kWeb;
  InboundKind kind = InboundKind::kMessage;
  // Whose channel: the Page id, the WhatsApp phone number id, Twilio's "To"
  // number, or the web widget's site.
  std::string account;
  // Who: the page-scoped id (PSID), the WhatsApp id, the SMS sender's
  // number, or the widget's visitor id.
  std::string shopper;
  // The platform's id of the message ("m_...", "wamid....", "SM...", the
  // widget's echo id); a referral or receipt gets the id of what it refers
  // to plus a suffix (":ad", ":delivered", ":read") so ids stay unique.
  std::string message_id;
  // When it happened (Unix milliseconds, the platform's timestamp).
  int64_t time_ms = 0;
  // What the engine gets: text, a quick-reply payload, or an event (an
  // attachment is the event "attachment" with its type and url); time and
  // channel are set.
  v1::TurnInput input;
};

// Something in a webhook that is not a turn, with why: a page's own echo,
// an event type chatcart does not handle. Documented, never an error.
struct IgnoredEvent {
  std::string what;  // "messenger entry[0].messaging[1]"
  std::string why;   // "echo of a page message"
};

struct Inbound {
  std::vector<InboundMessage> messages;  // in the webhook's order
  std::vector<IgnoredEvent> ignored;
};

// Checks the signature (unless credentials.skip_signature_check) and parses
// a webhook of `channel`: Messenger ({"object":"page","entry":[{"messaging":
// [...]}]}), WhatsApp Cloud API ({"object":"whatsapp_business_account",...}),
// Twilio's SMS webhook (form encoded) or the web widget's JSON
// ({"site":"shop","visitor":"v-1","echoId":"e-1","time":"2026-...Z",
//   "text":"hi"} with "payload" or "event":{"kind":..,"param":{..}} instead
// of "text"). Errors, each naming what and where:
// RESOURCE_EXHAUSTED naming the limit for a body over kMaxWebhookBytes
// (chatcart/limits.h);
// UNAUTHENTICATED for a missing or wrong signature (FAILED_PRECONDITION
// when the credential it needs is empty); INVALID_ARGUMENT for malformed or
// truncated JSON or form encoding, or a webhook of another platform. Event
// types chatcart does not handle are listed in Inbound::ignored.
absl::StatusOr<Inbound> ParseWebhook(Channel channel, const WebhookRequest& request,
                                     const Credentials& credentials);

// What the host does with one inbound message, after the channel's rules.
struct Observation {
  // The message id was seen before: apply nothing (the platform retried).
  bool duplicate = false;
  // Send this turn input to the session (false for duplicates, receipts,
  // SMS keywords answered here, and messages of an opted-out SMS shopper).
  bool forward = false;
  v1::TurnInput input;
  // A reply chatcart answers itself, as SMS text: the opt-out confirmation,
  // the HELP text, the opt-in confirmation, the next part after MORE.
  // Render it with RenderSmsText (or send it as is on other channels).
  std::optional<std::string> reply;
  // "opt_out", "opt_in", "help", "more", "keyword" or empty.
  std::string keyword;
};

// Applies the channel's rules to `message` and updates *state (REQUIRES:
// non-null; a new conversation starts with an empty ChannelState): drops a
// repeated message id; opens or refreshes the 24-hour window on the
// shopper's messages (never on receipts); on SMS, answers STOP, STOPALL,
// UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT (opt out, one
// confirmation), START, UNSTOP and, while opted out, YES (opt back in),
// HELP and INFO (the help text), MORE (the rest of a long reply) and the
// bundle's keywords (a payload or an event). Keywords match only as the whole
// message, one word, in any case: "stop please" is a message. `store_name`
// names the store in SMS replies. INVALID_ARGUMENT when `message` belongs to
// another channel than a non-empty state.channel.
absl::StatusOr<Observation> Observe(const InboundMessage& message, const v1::ChannelPolicy& policy,
                                    std::string_view store_name, v1::ChannelState* state);

// ---------------------------------------------------------------- outbound

// Why a message is sent; the windows depend on it.
enum class Purpose {
  kResponse = 1,    // answers the shopper's message (a turn on their input)
  kProactive = 2,   // the bot on its own (a turn on an event: shipped, reminder)
  kHumanAgent = 3,  // a person's reply (Messenger HUMAN_AGENT up to 7 days)
};

// A Messenger receipt template (developers.facebook.com/docs/messenger-
// platform/reference/templates/receipt). Amounts are exact Money.
struct Receipt {
  struct Element {
    std::string title;
    std::string subtitle;
    int64_t quantity = 0;  // 0: not shown
    v1::Money price;       // the line's total, as Meta's example shows
    std::string image_url;
  };
  struct Adjustment {
    std::string name;
    v1::Money amount;
  };
  struct Address {
    std::string street_1, street_2, city, postal_code, state, country;
  };
  std::string recipient_name;  // required
  std::string merchant_name;
  std::string order_number;    // required, unique
  std::string currency;        // required (ISO 4217)
  std::string payment_method;  // required ("Visa 2345")
  std::string order_url;
  int64_t timestamp = 0;  // seconds; 0: not shown
  std::vector<Element> elements;  // at most 100
  std::optional<Address> address;
  std::optional<v1::Money> subtotal, shipping_cost, total_tax;
  v1::Money total_cost;  // required
  std::vector<Adjustment> adjustments;
};

// A receipt for a placed order: its lines (price = unit price x quantity),
// totals and discount. The shopper's name and the payment method ("Visa
// 2345", "Pay by link") are the host's: an order knows neither.
Receipt ReceiptFromOrder(const v1::Order& order, std::string_view recipient_name,
                         std::string_view payment_method);

struct RenderRequest {
  Channel channel = Channel::kWeb;
  // To whom: the PSID, WhatsApp id, phone number or visitor id.
  std::string shopper;
  // From which account: SMS needs the sending number (Twilio "From");
  // others may leave it empty.
  std::string account;
  // Now, for the windows (Unix milliseconds). The engine reads no clock;
  // neither does this.
  int64_t now_ms = 0;
  Purpose purpose = Purpose::kResponse;
  // For kProactive: the event kind and params that started the turn (they
  // choose a Messenger tag or a WhatsApp template and fill its variables).
  v1::Event event;
  // Messenger: a receipt template to send after the turn's replies.
  std::optional<Receipt> receipt;
  // SMS: the most segments one message may take before the rest waits for
  // MORE (Twilio recommends at most 320 characters). Default 3.
  int sms_max_segments = 3;
};

enum class SmsEncoding { kNone = 0, kGsm7 = 1, kUcs2 = 2 };

// One API request for the host to send, in order.
struct OutboundMessage {
  // The exact request body: JSON for Messenger's Send API, WhatsApp's
  // /messages and the web widget; form encoding for Twilio's Messages API.
  std::string body;
  std::string content_type;  // "application/json" or "application/x-www-form-urlencoded"
  // SMS: the text, its encoding and its segments.
  std::string sms_text;
  SmsEncoding sms_encoding = SmsEncoding::kNone;
  int sms_segments = 0;
  // What was changed to fit ("text shortened to 2000", "quick replies as a
  // list", "carousel split in 2"); empty when everything fit as it was.
  std::vector<std::string> adjustments;
};

// Renders `result` for request.channel as the platform's API payloads, in
// the order to send them. Checks the windows first: FAILED_PRECONDITION,
// naming the rule, for a message the platform would refuse (Messenger
// outside the 24-hour window without a tag for the event or beyond 7 days
// for a person; WhatsApp outside the window without a bundle template for
// the event; any SMS to a shopper who opted out); INVALID_ARGUMENT for a
// missing recipient, a template variable the event lacks, or a receipt
// without its required fields. Updates *state (may be null) with an SMS
// reply's rest for MORE. Web: one JSON message per reply, nothing dropped.
absl::StatusOr<std::vector<OutboundMessage>> Render(const v1::TurnResult& result,
                                                    const RenderRequest& request,
                                                    const v1::ChannelPolicy& policy,
                                                    v1::ChannelState* state);

// One SMS text (an Observation reply) as a Twilio Messages request, with its
// encoding and segments. Never refused: opt-out confirmations and HELP
// replies go out even to an opted-out shopper.
OutboundMessage RenderSmsText(std::string_view text, std::string_view to, std::string_view from);

// The Messenger receipt template request for `receipt` to `shopper`.
// INVALID_ARGUMENT naming a missing required field or a currency mismatch.
absl::StatusOr<OutboundMessage> RenderMessengerReceipt(const Receipt& receipt,
                                                       std::string_view shopper,
                                                       std::string_view messaging_type = "RESPONSE",
                                                       std::string_view tag = "");

// ---------------------------------------------------------------- policy

// One problem of a bundle's ChannelPolicy, with where it is: the policy's
// field and index (-1 when singular), and the nested field and index within
// it when there is one ("whatsapp_template", 1, "", -1;
// "sms", -1, "keyword", 0).
struct PolicyProblem {
  std::string field;
  int index = -1;
  std::string subfield;
  int subindex = -1;
  std::string message;  // "whatsapp_template[1].category: ..."
};

// Checks what a bundle declares for the channels: template names (lower
// case, digits, underscores), languages ("en", "en_US"), categories
// (UTILITY, MARKETING, AUTHENTICATION), at least one event each, no name and
// language twice; Messenger tags (POST_PURCHASE_UPDATE, ACCOUNT_UPDATE,
// CONFIRMED_EVENT_UPDATE); the SMS contact, and keywords of one word that
// are not reserved (STOP, HELP, START, MORE, ...) with exactly one of
// payload and event. Empty when all is well. The engine runs it when it
// loads a bundle.
std::vector<PolicyProblem> ValidateChannelPolicy(const v1::ChannelPolicy& policy);

// ---------------------------------------------------------------- SMS text

// How `text` goes out as SMS: GSM-7 when every character is in the GSM
// 03.38 default alphabet or its extension table (which costs two septets:
// ^ { } \ [ ~ ] | € and form feed), else UCS-2 (UTF-16, 70 / 67 per part).
struct SmsCost {
  SmsEncoding encoding = SmsEncoding::kGsm7;
  int units = 0;     // septets (GSM-7) or UTF-16 code units (UCS-2)
  int segments = 0;  // 1 up to 160 / 70, else ceil(units / 153 or 67)
};
SmsCost SmsCostOf(std::string_view text);

}  // namespace chatcart::channels

#endif  // CHATCART_CHANNELS_H_
