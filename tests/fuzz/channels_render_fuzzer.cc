// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a turn result (a serialized chatcart.v1.TurnResult, or else
// text whose lines become a reply, its quick replies and product cards),
// rendered for every channel. Checks: every documented limit of every
// channel holds on the output (channels_testing.h parses it back), and
// rendering twice gives the same bytes. Bytes with an ill-formed string are
// taken as text without being parsed: protobuf would log an ERROR line for
// each (#22; scripts/fuzz.sh fails a run that logs).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "channels/channels_testing.h"
#include "chatcart/channels.h"
#include "common/wire_utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chatcart::channels;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  chatcart::v1::TurnResult result;
  if (!chatcart::IllFormedUtf8Field(*chatcart::v1::TurnResult::descriptor(), bytes).empty() ||
      !result.ParseFromString(bytes) || result.replies_size() == 0) {
    result.Clear();
    chatcart::v1::Reply* reply = result.add_replies();
    size_t start = 0;
    int line = 0;
    while (start <= bytes.size()) {
      size_t end = bytes.find('\n', start);
      if (end == std::string::npos) end = bytes.size();
      std::string part = bytes.substr(start, end - start);
      if (line == 0) {
        reply->set_text(part);
      } else if (line % 3 == 1) {
        chatcart::v1::QuickReplyOption* o = reply->add_quick_replies();
        o->set_title(part);
        o->set_payload(part.empty() ? "p" : part);
      } else {
        chatcart::v1::ProductCard* p = reply->add_products();
        p->set_name(part);
        p->set_price_text("34,99\u00a0\u20ac");
        p->add_reasons(part + part);
        p->set_image("https://cdn.example/x.jpg");
      }
      ++line;
      start = end + 1;
    }
  }
  for (Channel channel : {Channel::kMessenger, Channel::kWhatsApp, Channel::kSms, Channel::kWeb}) {
    RenderRequest request;
    request.channel = channel;
    request.shopper = "S";
    request.account = "F";
    request.now_ms = 10;
    request.sms_max_segments = 1 + static_cast<int>(size % 4);
    chatcart::v1::ChannelState state;
    state.set_last_shopper_message_ms(9);
    chatcart::v1::ChannelState state2 = state;
    auto out = Render(result, request, {}, &state);
    auto again = Render(result, request, {}, &state2);
    if (!out.ok()) {
      // Only a bad currency in a receipt or the like may fail; never a crash.
      continue;
    }
    if (out->size() != again->size()) std::abort();
    for (size_t i = 0; i < out->size(); ++i) {
      if ((*out)[i].body != (*again)[i].body) {
        std::fprintf(stderr, "channels_render_fuzzer: not deterministic\n");
        std::abort();
      }
      std::vector<std::string> problems;
      testing::CheckLimits(channel, (*out)[i], request.sms_max_segments, &problems);
      if (!problems.empty()) {
        std::fprintf(stderr, "channels_render_fuzzer: %s: %s\n",
                     std::string(ChannelName(channel)).c_str(), problems[0].c_str());
        std::abort();
      }
    }
  }
  return 0;
}
