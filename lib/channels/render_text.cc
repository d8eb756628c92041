// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// SMS through Twilio's Messages API (form encoded To, From, Body;
// twilio.com/docs/messaging/api/message-resource) and the web widget's JSON.
//
// SMS: GSM-7 when every character is in GSM 03.38 (unicode.org
// Public/MAPPINGS/ETSI/GSM0338.TXT; the extension table's ^ { } \ [ ~ ] | €
// and form feed take two septets), else UCS-2; 160 septets or 70 UTF-16
// units in one message, 153 / 67 per part when concatenated (a 6-byte UDH:
// (1120 - 48) / 7 = 153, (1120 - 48) / 16 = 67; twilio.com/docs/glossary/
// what-sms-character-limit). Twilio accepts at most 1,600 characters and
// recommends at most 320 (twilio.com/docs/api/errors/21617). Buttons become
// numbered choices; a reply longer than the segment budget is cut at a
// sentence and the rest waits for MORE.

#include <algorithm>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "channels/cat.h"
#include "channels/render_internal.h"
#include "channels/text_fit.h"
#include "channels/wire.h"
#include "common/strings.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;

SmsCost SmsCostOf(std::string_view text) {
  SmsCost cost;
  cost.encoding = internal::IsGsm7(text) ? SmsEncoding::kGsm7 : SmsEncoding::kUcs2;
  bool gsm = cost.encoding == SmsEncoding::kGsm7;
  cost.units = static_cast<int>(internal::SmsUnits(text, cost.encoding));
  int single = gsm ? Limits::kSmsGsmSingle : Limits::kSmsUcs2Single;
  int part = gsm ? Limits::kSmsGsmPart : Limits::kSmsUcs2Part;
  if (cost.units == 0) {
    cost.segments = 0;
  } else if (cost.units <= single) {
    cost.segments = 1;
  } else {
    // A part never splits an escape pair or a surrogate pair: fill greedily.
    int segments = 1, used = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t begin = pos;
      unsigned char c = static_cast<unsigned char>(text[pos]);
      pos += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      pos = std::min(pos, text.size());
      int units =
          static_cast<int>(internal::SmsUnits(text.substr(begin, pos - begin), cost.encoding));
      if (used + units > part) {
        ++segments;
        used = 0;
      }
      used += units;
    }
    cost.segments = segments;
  }
  return cost;
}

OutboundMessage RenderSmsText(std::string_view text, std::string_view to, std::string_view from) {
  OutboundMessage m;
  m.sms_text = internal::ValidUtf8(text);
  SmsCost cost = SmsCostOf(m.sms_text);
  m.sms_encoding = cost.encoding;
  m.sms_segments = cost.segments;
  m.body = Cat("To=", internal::FormEncode(to), "&From=", internal::FormEncode(from),
               "&Body=", internal::FormEncode(m.sms_text));
  m.content_type = "application/x-www-form-urlencoded";
  return m;
}

namespace internal {
namespace {

// The reply's text with products as lines and quick replies as numbered
// choices (unless the engine already appended them: SMS turns do).
void AppendSmsReply(const v1::Reply& reply, std::string* out) {
  std::string text = ValidUtf8(reply.text());
  for (const v1::ProductCard& p : reply.products()) {
    Append(&text, "\n- ", p.name().empty() ? p.product_id() : p.name());
    if (!p.price_text().empty()) Append(&text, ", ", p.price_text());
  }
  std::string choices;
  for (int i = 0; i < reply.quick_replies_size(); ++i) {
    Append(&choices, "\n", i + 1, ". ", reply.quick_replies(i).title());
  }
  if (!choices.empty() && !absl::EndsWith(text, choices)) text += choices;
  if (text.empty()) return;
  if (!out->empty()) out->append("\n\n");
  out->append(text);
}

// Typographic characters outside GSM 03.38 that have a GSM twin (ICU puts a
// no-break space in "34,99 €"): one of them alone would switch the whole
// message to UCS-2 and more than double its segments.
std::string GsmTwins(std::string_view text, bool* changed) {
  static constexpr std::pair<std::string_view, std::string_view> kTwins[] = {
      {"\u00a0", " "}, {"\u202f", " "},   {"\u2009", " "},  {"\u2019", "'"},
      {"\u2018", "'"}, {"\u201c", "\""},  {"\u201d", "\""}, {"\u2013", "-"},
      {"\u2014", "-"}, {"\u2026", "..."}, {"\u00ab", "\""}, {"\u00bb", "\""}};
  std::string out;
  out.reserve(text.size());
  *changed = false;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(text[i]) >= 0xC2) {
      for (const auto& [from, to] : kTwins) {
        if (text.substr(i, from.size()) == from) {
          out.append(to);
          i += from.size();
          replaced = *changed = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

// The bytes of the longest prefix of whole characters of `text` within
// `max_units` SMS units.
size_t CharsWithin(std::string_view text, size_t max_units, SmsEncoding encoding) {
  size_t pos = 0, used = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const size_t next = std::min(text.size(), pos + (c < 0x80    ? 1
                                                     : c >= 0xF0 ? 4
                                                     : c >= 0xE0 ? 3
                                                     : c >= 0xC0 ? 2
                                                                 : 1));
    const size_t units = SmsUnits(text.substr(pos, next - pos), encoding);
    if (used + units > max_units) break;
    used += units;
    pos = next;
  }
  return pos;
}

std::string_view TrimEnd(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

}  // namespace

absl::StatusOr<std::vector<OutboundMessage>> RenderSms(const v1::TurnResult& result,
                                                       const RenderRequest& request,
                                                       v1::ChannelState* state) {
  std::string composed;
  for (const v1::Reply& reply : result.replies()) AppendSmsReply(reply, &composed);
  std::vector<OutboundMessage> out;
  bool twins = false;
  std::string text(TrimEnd(GsmTwins(ValidUtf8(composed), &twins)));
  if (text.empty()) return out;
  int max_segments = std::clamp(request.sms_max_segments, 1, 10);
  SmsEncoding encoding = IsGsm7(text) ? SmsEncoding::kGsm7 : SmsEncoding::kUcs2;
  bool gsm = encoding == SmsEncoding::kGsm7;
  // Parts never split an escape or surrogate pair, which may waste a unit at
  // each boundary between parts.
  size_t budget =
      max_segments == 1
          ? (gsm ? Limits::kSmsGsmSingle : Limits::kSmsUcs2Single)
          : max_segments * (gsm ? Limits::kSmsGsmPart : Limits::kSmsUcs2Part) - (max_segments - 1);
  budget = std::min<size_t>(budget, Limits::kTwilioMaxChars);
  std::vector<std::string> adjustments;
  if (twins) adjustments.push_back("typographic characters as their GSM-7 twins");
  std::vector<std::string> parts;
  std::string more(WordsFor(result.language()).reply_more);
  std::string_view rest = text;
  while (!rest.empty()) {
    if (SmsUnits(rest, encoding) <= budget) {
      parts.emplace_back(TrimEnd(rest));
      break;
    }
    size_t room = budget - SmsUnits(more, encoding) - 1;
    size_t cut = SentencePrefix(rest, room, encoding);
    if (cut == 0) cut = std::min(rest.size(), FitText(rest, room, "").size());
    // FitText drops a cut's trailing punctuation: "- " before a word longer
    // than the room left nothing, and the whole text went as one message
    // (20 segments for a limit of 1, #22 channels_render_fuzzer). Then the
    // longest run of whole characters that fits.
    if (cut == 0) cut = CharsWithin(rest, room, encoding);
    if (cut == 0) break;  // cannot happen with a budget of 60 or more
    std::string part(rest.substr(0, cut));
    while (!part.empty() && (part.back() == ' ' || part.back() == '\n')) part.pop_back();
    parts.push_back(Cat(part, "\n", more));
    rest.remove_prefix(cut);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\n')) rest.remove_prefix(1);
  }
  if (parts.size() > 1) {
    adjustments.push_back(
        Cat("cut at a sentence into ", parts.size(), " parts; the rest waits for MORE"));
  }
  if (state != nullptr) {
    std::string waiting;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (i > 1) waiting.push_back(kSmsPartSeparator);
      waiting += parts[i];
    }
    state->set_sms_more(waiting);
  }
  OutboundMessage m =
      RenderSmsText(parts.empty() ? text : parts[0], request.shopper, request.account);
  m.adjustments = std::move(adjustments);
  out.push_back(std::move(m));
  return out;
}

namespace {

void WebMoney(JsonWriter& w, std::string_view key, const v1::Money& money) {
  w.Key(key).BeginObject().Member("minorUnits", Cat(money.minor_units()));
  w.Member("currency", money.currency()).EndObject();
}

}  // namespace

absl::StatusOr<std::vector<OutboundMessage>> RenderWeb(const v1::TurnResult& result,
                                                       const RenderRequest& request) {
  std::vector<OutboundMessage> out;
  int index = 0;
  for (const v1::Reply& reply : result.replies()) {
    std::string body;
    JsonWriter w(&body);
    w.BeginObject().Member("type", "message").Member("to", request.shopper);
    w.MemberInt("index", index++);
    if (!result.language().empty()) w.Member("language", result.language());
    w.Member("text", reply.text());
    if (reply.quick_replies_size() > 0) {
      w.Key("quickReplies").BeginArray();
      for (const v1::QuickReplyOption& o : reply.quick_replies()) {
        w.BeginObject().Member("title", o.title()).Member("payload", o.payload()).EndObject();
      }
      w.EndArray();
    }
    if (reply.products_size() > 0) {
      w.Key("products").BeginArray();
      for (const v1::ProductCard& p : reply.products()) {
        w.BeginObject().Member("id", p.product_id()).Member("name", p.name());
        if (p.has_price()) WebMoney(w, "price", p.price());
        if (!p.price_text().empty()) w.Member("priceText", p.price_text());
        if (p.reasons_size() > 0) {
          w.Key("reasons").BeginArray();
          for (const std::string& r : p.reasons()) w.String(r);
          w.EndArray();
        }
        if (!p.image().empty()) w.Member("image", p.image());
        if (!p.url().empty()) w.Member("url", p.url());
        w.EndObject();
      }
      w.EndArray();
    }
    if (reply.has_cart()) {
      const v1::CartSummary& cart = reply.cart();
      w.Key("cart").BeginObject().Key("lines").BeginArray();
      for (const v1::CartSummaryLine& line : cart.lines()) {
        w.BeginObject().Member("productId", line.product_id()).Member("title", line.title());
        w.MemberInt("quantity", line.quantity());
        WebMoney(w, "lineTotal", line.line_total());
        w.EndObject();
      }
      w.EndArray();
      if (cart.has_subtotal()) WebMoney(w, "subtotal", cart.subtotal());
      if (cart.has_discount()) WebMoney(w, "discount", cart.discount());
      if (cart.has_tax()) WebMoney(w, "tax", cart.tax());
      if (cart.has_shipping()) WebMoney(w, "shipping", cart.shipping());
      if (cart.has_total()) WebMoney(w, "total", cart.total());
      if (!cart.total_text().empty()) w.Member("totalText", cart.total_text());
      w.MemberInt("version", cart.version()).EndObject();
    }
    w.EndObject();
    OutboundMessage m;
    m.body = std::move(body);
    m.content_type = "application/json";
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace internal
}  // namespace chatcart::channels
