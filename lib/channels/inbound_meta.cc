// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Meta's webhooks as turn inputs.
//
// Messenger (developers.facebook.com/docs/messenger-platform/webhooks and
// .../reference/webhook-events): {"object":"page","entry":[{"id":PAGE,
// "time":ms,"messaging":[event]}]}, each event with sender.id (PSID),
// recipient.id, timestamp (ms) and one of: message {mid, text,
// quick_reply.payload, attachments[], is_echo}, postback {mid, title,
// payload, referral}, referral {ref, ad_id, source: "ADS"|"SHORTLINK"...,
// type: "OPEN_THREAD"}, delivery {mids[], watermark}, read {watermark}.
//
// WhatsApp Cloud API (developers.facebook.com/docs/whatsapp/cloud-api/
// webhooks/components): {"object":"whatsapp_business_account","entry":[{
// "id":WABA,"changes":[{"field":"messages","value":{"metadata":{
// "phone_number_id"},"contacts":[..],"messages":[{from, id, timestamp (s),
// type: text{body} | interactive{button_reply|list_reply{id,title}} |
// button{payload,text} | image|audio|video|document|sticker|location,
// referral{source_type, source_id, headline, ctwa_clid}}],"statuses":[{id,
// status, timestamp, recipient_id}]}}]}]}.

#include <string>

#include "absl/strings/str_cat.h"
#include "channels/cat.h"
#include "channels/inbound_internal.h"
#include "channels/json_read.h"
#include "common/status_macros.h"
#include "common/time.h"

namespace chatcart::channels::internal {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

void SetTime(int64_t ms, InboundMessage* m) {
  m->time_ms = ms;
  m->input.mutable_time()->set_seconds(ms / 1000);
  m->input.mutable_time()->set_nanos(static_cast<int32_t>(ms % 1000) * 1000000);
}

InboundMessage Start(Channel channel, InboundKind kind, std::string_view account,
                     std::string_view shopper, std::string_view id, int64_t ms) {
  InboundMessage m;
  m.channel = channel;
  m.kind = kind;
  m.account = std::string(account);
  m.shopper = std::string(shopper);
  m.message_id = std::string(id);
  m.input.set_channel(std::string(ChannelName(channel)));
  SetTime(ms, &m);
  return m;
}

void SetEvent(InboundMessage* m, std::string_view kind,
              std::initializer_list<std::pair<std::string_view, std::string_view>> params) {
  v1::Event* event = m->input.mutable_event();
  event->set_kind(std::string(kind));
  for (const auto& [key, value] : params) {
    if (!value.empty()) (*event->mutable_param())[std::string(key)] = std::string(value);
  }
}

// A Messenger referral object (in a referral event or a postback).
absl::Status MessengerReferral(object referral, std::string_view path, std::string_view page,
                               std::string_view psid, std::string_view id, int64_t ms,
                               Inbound* out) {
  std::string_view ref, ad_id, source, type;
  CHATCART_RETURN_IF_ERROR(OptString(referral, "ref", path, &ref));
  CHATCART_RETURN_IF_ERROR(OptString(referral, "ad_id", path, &ad_id));
  CHATCART_RETURN_IF_ERROR(OptString(referral, "source", path, &source));
  CHATCART_RETURN_IF_ERROR(OptString(referral, "type", path, &type));
  InboundMessage m =
      Start(Channel::kMessenger, InboundKind::kReferral, page, psid, Cat(id, ":ref"), ms);
  if (source == "ADS") {
    m.message_id = Cat(id, ":ad");
    SetEvent(&m, "ad_click",
             {{"campaign", ref.empty() ? ad_id : ref}, {"ad_id", ad_id}, {"source", source}});
  } else {
    SetEvent(&m, "referral", {{"ref", ref}, {"source", source}, {"type", type}});
  }
  out->messages.push_back(std::move(m));
  return absl::OkStatus();
}

absl::Status MessengerEvent(object event, const std::string& path, std::string_view page,
                            Inbound* out) {
  object sender, recipient;
  bool found = false;
  CHATCART_RETURN_IF_ERROR(OptObject(event, "sender", path, &sender, &found));
  if (!found) return Bad(path, "sender", "missing");
  std::string sender_path = Cat(path, ".sender");
  std::string_view psid;
  CHATCART_RETURN_IF_ERROR(ReqString(sender, "id", sender_path, &psid));
  int64_t ms = 0;
  CHATCART_RETURN_IF_ERROR(OptInt(event, "timestamp", path, &ms));

  object message;
  CHATCART_RETURN_IF_ERROR(OptObject(event, "message", path, &message, &found));
  if (found) {
    std::string mpath = Cat(path, ".message");
    element echo;
    if (message.at_key("is_echo").get(echo) == simdjson::SUCCESS && echo.is_bool() &&
        echo.get_bool().value()) {
      out->ignored.push_back({path, "echo of a message the page sent"});
      return absl::OkStatus();
    }
    std::string_view mid, text;
    CHATCART_RETURN_IF_ERROR(ReqString(message, "mid", mpath, &mid));
    CHATCART_RETURN_IF_ERROR(OptString(message, "text", mpath, &text));
    InboundMessage m = Start(Channel::kMessenger, InboundKind::kMessage, page, psid, mid, ms);
    object quick_reply;
    CHATCART_RETURN_IF_ERROR(OptObject(message, "quick_reply", mpath, &quick_reply, &found));
    std::string_view payload;
    if (found) {
      CHATCART_RETURN_IF_ERROR(
          OptString(quick_reply, "payload", Cat(mpath, ".quick_reply"), &payload));
    }
    if (!payload.empty()) {
      m.input.set_payload(std::string(payload));
    } else if (!text.empty()) {
      m.input.set_text(std::string(text));
    } else {
      array attachments;
      CHATCART_RETURN_IF_ERROR(OptArray(message, "attachments", mpath, &attachments, &found));
      std::string_view type, url;
      if (found && attachments.size() > 0) {
        object first;
        if (attachments.at(0).get(first) != simdjson::SUCCESS) {
          return Bad(mpath, "attachments[0]", "not an object");
        }
        std::string apath = Cat(mpath, ".attachments[0]");
        CHATCART_RETURN_IF_ERROR(OptString(first, "type", apath, &type));
        object payload_object;
        CHATCART_RETURN_IF_ERROR(OptObject(first, "payload", apath, &payload_object, &found));
        if (found) CHATCART_RETURN_IF_ERROR(OptString(payload_object, "url", apath, &url));
      }
      if (type.empty()) {
        out->ignored.push_back({path, "a message with neither text nor attachment"});
        return absl::OkStatus();
      }
      SetEvent(&m, "attachment", {{"type", type}, {"url", url}});
    }
    out->messages.push_back(std::move(m));
    return absl::OkStatus();
  }

  object postback;
  CHATCART_RETURN_IF_ERROR(OptObject(event, "postback", path, &postback, &found));
  if (found) {
    std::string ppath = Cat(path, ".postback");
    std::string_view mid, payload, title;
    CHATCART_RETURN_IF_ERROR(OptString(postback, "mid", ppath, &mid));
    CHATCART_RETURN_IF_ERROR(OptString(postback, "payload", ppath, &payload));
    CHATCART_RETURN_IF_ERROR(OptString(postback, "title", ppath, &title));
    std::string id = mid.empty() ? Cat("postback:", psid, ":", ms) : std::string(mid);
    object referral;
    CHATCART_RETURN_IF_ERROR(OptObject(postback, "referral", ppath, &referral, &found));
    if (found) {
      CHATCART_RETURN_IF_ERROR(
          MessengerReferral(referral, Cat(ppath, ".referral"), page, psid, id, ms, out));
    }
    InboundMessage m = Start(Channel::kMessenger, InboundKind::kMessage, page, psid, id, ms);
    if (!payload.empty()) {
      m.input.set_payload(std::string(payload));
    } else if (!title.empty()) {
      m.input.set_text(std::string(title));
    } else {
      out->ignored.push_back({path, "a postback with neither payload nor title"});
      return absl::OkStatus();
    }
    out->messages.push_back(std::move(m));
    return absl::OkStatus();
  }

  object referral;
  CHATCART_RETURN_IF_ERROR(OptObject(event, "referral", path, &referral, &found));
  if (found) {
    return MessengerReferral(referral, Cat(path, ".referral"), page, psid,
                             Cat("referral:", psid, ":", ms), ms, out);
  }

  object delivery;
  CHATCART_RETURN_IF_ERROR(OptObject(event, "delivery", path, &delivery, &found));
  if (found) {
    int64_t watermark = 0;
    std::string dpath = Cat(path, ".delivery");
    CHATCART_RETURN_IF_ERROR(OptInt(delivery, "watermark", dpath, &watermark));
    std::string mids;
    array list;
    CHATCART_RETURN_IF_ERROR(OptArray(delivery, "mids", dpath, &list, &found));
    if (found) {
      for (element e : list) {
        std::string_view mid;
        if (e.get_string().get(mid) != simdjson::SUCCESS)
          return Bad(dpath, "mids[]", "not a string");
        Append(&mids, mids.empty() ? "" : ",", mid);
      }
    }
    InboundMessage m = Start(Channel::kMessenger, InboundKind::kDelivery, page, psid,
                             Cat(psid, ":", watermark, ":delivered"), ms);
    std::string watermark_text = Cat(watermark);
    SetEvent(&m, "message_delivered", {{"watermark", watermark_text}, {"message_ids", mids}});
    out->messages.push_back(std::move(m));
    return absl::OkStatus();
  }

  object read;
  CHATCART_RETURN_IF_ERROR(OptObject(event, "read", path, &read, &found));
  if (found) {
    int64_t watermark = 0;
    CHATCART_RETURN_IF_ERROR(OptInt(read, "watermark", Cat(path, ".read"), &watermark));
    InboundMessage m = Start(Channel::kMessenger, InboundKind::kRead, page, psid,
                             Cat(psid, ":", watermark, ":read"), ms);
    std::string watermark_text = Cat(watermark);
    SetEvent(&m, "message_read", {{"watermark", watermark_text}});
    out->messages.push_back(std::move(m));
    return absl::OkStatus();
  }
  out->ignored.push_back({path, "an event type chatcart does not handle"});
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseMessenger(std::string_view body, Inbound* out) {
  CHATCART_ASSIGN_OR_RETURN(element root, ParseJson(body, "messenger webhook"));
  object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError("messenger webhook: not a JSON object");
  }
  std::string_view kind;
  CHATCART_RETURN_IF_ERROR(ReqString(top, "object", "messenger webhook", &kind));
  if (kind != "page") {
    return absl::InvalidArgumentError(Cat("messenger webhook: object is \"", kind,
                                          "\", not \"page\" (another platform's webhook?)"));
  }
  array entries;
  bool found = false;
  CHATCART_RETURN_IF_ERROR(OptArray(top, "entry", "messenger webhook", &entries, &found));
  if (!found) return absl::InvalidArgumentError("messenger webhook: entry is missing");
  size_t e = 0;
  for (element entry_element : entries) {
    std::string path = Cat("messenger entry[", e++, "]");
    object entry;
    if (entry_element.get_object().get(entry) != simdjson::SUCCESS) {
      return absl::InvalidArgumentError(Cat(path, ": not an object"));
    }
    std::string_view page;
    CHATCART_RETURN_IF_ERROR(OptString(entry, "id", path, &page));
    array events;
    CHATCART_RETURN_IF_ERROR(OptArray(entry, "messaging", path, &events, &found));
    if (!found) {
      out->ignored.push_back({path, "no messaging array (standby or changes are not handled)"});
      continue;
    }
    size_t i = 0;
    for (element event_element : events) {
      std::string epath = Cat(path, ".messaging[", i++, "]");
      object event;
      if (event_element.get_object().get(event) != simdjson::SUCCESS) {
        return absl::InvalidArgumentError(Cat(epath, ": not an object"));
      }
      CHATCART_RETURN_IF_ERROR(MessengerEvent(event, epath, page, out));
    }
  }
  return absl::OkStatus();
}

namespace {

// A WhatsApp `timestamp` (Unix seconds, optional) in milliseconds. Refused
// outside the range a turn's time holds (common/time.h), so the product cannot
// overflow (a fuzzed 17950000795000080 did: UBSan, signed overflow).
absl::Status OptSecondsAsMs(object o, const std::string& path, int64_t* ms) {
  int64_t seconds = 0;
  CHATCART_RETURN_IF_ERROR(OptInt(o, "timestamp", path, &seconds));
  if (seconds < kMinTimestampSeconds || seconds > kMaxTimestampSeconds) {
    return Bad(path, "timestamp", "outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z");
  }
  *ms = seconds * 1000;
  return absl::OkStatus();
}

absl::Status WhatsAppMessage(object message, const std::string& path, std::string_view phone_id,
                             Inbound* out) {
  std::string_view from, id, type;
  int64_t ms = 0;
  CHATCART_RETURN_IF_ERROR(ReqString(message, "from", path, &from));
  CHATCART_RETURN_IF_ERROR(ReqString(message, "id", path, &id));
  CHATCART_RETURN_IF_ERROR(OptString(message, "type", path, &type));
  CHATCART_RETURN_IF_ERROR(OptSecondsAsMs(message, path, &ms));
  bool found = false;
  object referral;
  CHATCART_RETURN_IF_ERROR(OptObject(message, "referral", path, &referral, &found));
  if (found) {
    std::string rpath = Cat(path, ".referral");
    std::string_view source_type, source_id, headline, clid, source_url;
    CHATCART_RETURN_IF_ERROR(OptString(referral, "source_type", rpath, &source_type));
    CHATCART_RETURN_IF_ERROR(OptString(referral, "source_id", rpath, &source_id));
    CHATCART_RETURN_IF_ERROR(OptString(referral, "headline", rpath, &headline));
    CHATCART_RETURN_IF_ERROR(OptString(referral, "ctwa_clid", rpath, &clid));
    CHATCART_RETURN_IF_ERROR(OptString(referral, "source_url", rpath, &source_url));
    InboundMessage m =
        Start(Channel::kWhatsApp, InboundKind::kReferral, phone_id, from, Cat(id, ":ad"), ms);
    SetEvent(&m, source_type == "ad" ? "ad_click" : "referral",
             {{"campaign", source_id},
              {"ad_id", source_id},
              {"headline", headline},
              {"ctwa_clid", clid},
              {"source_url", source_url},
              {"source", source_type}});
    out->messages.push_back(std::move(m));
  }
  InboundMessage m = Start(Channel::kWhatsApp, InboundKind::kMessage, phone_id, from, id, ms);
  object content;
  if (type == "text") {
    std::string_view body;
    CHATCART_RETURN_IF_ERROR(OptObject(message, "text", path, &content, &found));
    if (found) CHATCART_RETURN_IF_ERROR(OptString(content, "body", Cat(path, ".text"), &body));
    if (body.empty()) {
      out->ignored.push_back({path, "a text message without a body"});
      return absl::OkStatus();
    }
    m.input.set_text(std::string(body));
  } else if (type == "interactive") {
    CHATCART_RETURN_IF_ERROR(OptObject(message, "interactive", path, &content, &found));
    if (!found) return Bad(path, "interactive", "missing");
    std::string ipath = Cat(path, ".interactive");
    object reply;
    bool button = false, list = false;
    CHATCART_RETURN_IF_ERROR(OptObject(content, "button_reply", ipath, &reply, &button));
    if (!button) CHATCART_RETURN_IF_ERROR(OptObject(content, "list_reply", ipath, &reply, &list));
    if (!button && !list) {
      out->ignored.push_back({path, "an interactive reply chatcart does not handle"});
      return absl::OkStatus();
    }
    std::string_view reply_id;
    CHATCART_RETURN_IF_ERROR(
        ReqString(reply, "id", Cat(ipath, button ? ".button_reply" : ".list_reply"), &reply_id));
    m.input.set_payload(std::string(reply_id));
  } else if (type == "button") {
    CHATCART_RETURN_IF_ERROR(OptObject(message, "button", path, &content, &found));
    if (!found) return Bad(path, "button", "missing");
    std::string_view payload, text;
    CHATCART_RETURN_IF_ERROR(OptString(content, "payload", Cat(path, ".button"), &payload));
    CHATCART_RETURN_IF_ERROR(OptString(content, "text", Cat(path, ".button"), &text));
    if (!payload.empty()) {
      m.input.set_payload(std::string(payload));
    } else if (!text.empty()) {
      m.input.set_text(std::string(text));
    } else {
      out->ignored.push_back({path, "a button reply with neither payload nor text"});
      return absl::OkStatus();
    }
  } else if (type == "image" || type == "audio" || type == "video" || type == "document" ||
             type == "sticker" || type == "location") {
    std::string_view media_id, caption;
    CHATCART_RETURN_IF_ERROR(OptObject(message, type, path, &content, &found));
    if (found && type != "location") {
      std::string cpath = Cat(path, ".", type);
      CHATCART_RETURN_IF_ERROR(OptString(content, "id", cpath, &media_id));
      CHATCART_RETURN_IF_ERROR(OptString(content, "caption", cpath, &caption));
    }
    if (!caption.empty()) {
      m.input.set_text(std::string(caption));
    } else {
      SetEvent(&m, "attachment", {{"type", type}, {"media_id", media_id}});
    }
  } else {
    out->ignored.push_back({path, Cat("message type \"", type, "\" is not handled")});
    return absl::OkStatus();
  }
  out->messages.push_back(std::move(m));
  return absl::OkStatus();
}

absl::Status WhatsAppStatus(object status, const std::string& path, std::string_view phone_id,
                            Inbound* out) {
  std::string_view id, state, recipient;
  int64_t ms = 0;
  CHATCART_RETURN_IF_ERROR(ReqString(status, "id", path, &id));
  CHATCART_RETURN_IF_ERROR(ReqString(status, "status", path, &state));
  CHATCART_RETURN_IF_ERROR(OptString(status, "recipient_id", path, &recipient));
  CHATCART_RETURN_IF_ERROR(OptSecondsAsMs(status, path, &ms));
  InboundKind kind;
  if (state == "delivered") {
    kind = InboundKind::kDelivery;
  } else if (state == "read") {
    kind = InboundKind::kRead;
  } else {
    out->ignored.push_back({path, Cat("status \"", state, "\" is not a receipt")});
    return absl::OkStatus();
  }
  InboundMessage m = Start(Channel::kWhatsApp, kind, phone_id, recipient, Cat(id, ":", state), ms);
  SetEvent(&m, kind == InboundKind::kDelivery ? "message_delivered" : "message_read",
           {{"message_ids", id}});
  out->messages.push_back(std::move(m));
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseWhatsApp(std::string_view body, Inbound* out) {
  CHATCART_ASSIGN_OR_RETURN(element root, ParseJson(body, "whatsapp webhook"));
  object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError("whatsapp webhook: not a JSON object");
  }
  std::string_view kind;
  CHATCART_RETURN_IF_ERROR(ReqString(top, "object", "whatsapp webhook", &kind));
  if (kind != "whatsapp_business_account") {
    return absl::InvalidArgumentError(
        Cat("whatsapp webhook: object is \"", kind, "\", not \"whatsapp_business_account\""));
  }
  array entries;
  bool found = false;
  CHATCART_RETURN_IF_ERROR(OptArray(top, "entry", "whatsapp webhook", &entries, &found));
  if (!found) return absl::InvalidArgumentError("whatsapp webhook: entry is missing");
  size_t e = 0;
  for (element entry_element : entries) {
    std::string path = Cat("whatsapp entry[", e++, "]");
    object entry;
    if (entry_element.get_object().get(entry) != simdjson::SUCCESS) {
      return absl::InvalidArgumentError(Cat(path, ": not an object"));
    }
    array changes;
    CHATCART_RETURN_IF_ERROR(OptArray(entry, "changes", path, &changes, &found));
    if (!found) continue;
    size_t c = 0;
    for (element change_element : changes) {
      std::string cpath = Cat(path, ".changes[", c++, "]");
      object change;
      if (change_element.get_object().get(change) != simdjson::SUCCESS) {
        return absl::InvalidArgumentError(Cat(cpath, ": not an object"));
      }
      std::string_view field;
      CHATCART_RETURN_IF_ERROR(OptString(change, "field", cpath, &field));
      if (field != "messages") {
        out->ignored.push_back({cpath, Cat("field \"", field, "\" is not messages")});
        continue;
      }
      object value, metadata;
      CHATCART_RETURN_IF_ERROR(OptObject(change, "value", cpath, &value, &found));
      if (!found) return Bad(cpath, "value", "missing");
      std::string vpath = Cat(cpath, ".value");
      std::string_view phone_id;
      CHATCART_RETURN_IF_ERROR(OptObject(value, "metadata", vpath, &metadata, &found));
      if (found) {
        CHATCART_RETURN_IF_ERROR(
            OptString(metadata, "phone_number_id", Cat(vpath, ".metadata"), &phone_id));
      }
      array list;
      CHATCART_RETURN_IF_ERROR(OptArray(value, "messages", vpath, &list, &found));
      if (found) {
        size_t i = 0;
        for (element item : list) {
          std::string mpath = Cat(vpath, ".messages[", i++, "]");
          object message;
          if (item.get_object().get(message) != simdjson::SUCCESS) {
            return absl::InvalidArgumentError(Cat(mpath, ": not an object"));
          }
          CHATCART_RETURN_IF_ERROR(WhatsAppMessage(message, mpath, phone_id, out));
        }
      }
      CHATCART_RETURN_IF_ERROR(OptArray(value, "statuses", vpath, &list, &found));
      if (found) {
        size_t i = 0;
        for (element item : list) {
          std::string spath = Cat(vpath, ".statuses[", i++, "]");
          object status;
          if (item.get_object().get(status) != simdjson::SUCCESS) {
            return absl::InvalidArgumentError(Cat(spath, ": not an object"));
          }
          CHATCART_RETURN_IF_ERROR(WhatsAppStatus(status, spath, phone_id, out));
        }
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace chatcart::channels::internal
