// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The demo bundle's conversations (tests/conversations/*.txt) replayed on
// each channel and rendered as that channel's payloads: every limit checked
// on every payload, and the whole compared with a golden file per
// conversation (tests/channels/golden/). Event turns go out as proactive
// messages under the windows' rules (a refusal is part of the golden); a
// placed order adds Messenger's receipt. After a deliberate change of the
// engine's replies, CHATCART_UPDATE_GOLDEN=1 rewrites the files: review the
// diff.

#include <filesystem>
#include <string>
#include <vector>

#include "channels/channels_testing.h"
#include "chatcart/channels.h"
#include "chatcart/engine.h"
#include "chatcart/v1/session.pb.h"
#include "common/testing/data.h"
#include "conversation.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::channels {
namespace {

using internal::Append;
using internal::Cat;

std::string Render1(const std::shared_ptr<const Engine>& engine, const cli::Transcript& transcript,
                    Channel channel, std::vector<std::string>* problems) {
  std::unique_ptr<Session> session = engine->NewSession("demo", transcript.seed);
  v1::ChannelState state;
  state.set_channel(std::string(ChannelName(channel)));
  int64_t seconds = transcript.start_unix_seconds;
  std::string out;
  bool first = true;
  for (const cli::TranscriptTurn& turn : transcript.turns) {
    if (!first) seconds += 60LL * turn.wait_minutes;
    first = false;
    v1::TurnInput input = turn.input;
    input.set_channel(std::string(ChannelName(channel)));
    input.mutable_time()->set_seconds(seconds);
    const int64_t now_ms = seconds * 1000;
    const bool proactive = input.has_event() && input.event().kind() != "ad_click";
    if (!proactive) state.set_last_shopper_message_ms(now_ms);
    if (input.event().kind() == "ad_click" && channel == Channel::kMessenger) {
      state.set_ad_window_until_ms(now_ms + Limits::kAdWindowMs);
    }
    Append(&out, "> line ", turn.line, input.has_event() ? " event " : "",
           input.event().kind(), input.text().empty() ? "" : ": ", input.text(),
           input.payload().empty() ? "" : " payload ", input.payload(), "\n");
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(input);
    if (!result.ok()) {
      Append(&out, "ENGINE ERROR ", result.status().ToString(), "\n");
      continue;
    }
    RenderRequest request;
    request.channel = channel;
    request.shopper = channel == Channel::kSms ? "+15005550006" : "SHOPPER";
    request.account = "+15005550001";
    request.now_ms = now_ms;
    request.purpose = proactive ? Purpose::kProactive : Purpose::kResponse;
    if (proactive) request.event = input.event();
    bool placed = false;
    for (const v1::AnalyticsEvent& e : result->events()) placed |= e.kind() == "order_placed";
    if (placed && channel == Channel::kMessenger) {
      v1::SessionSnapshot snapshot;
      if (snapshot.ParseFromString(session->Snapshot()) && snapshot.orders_size() > 0) {
        request.receipt = ReceiptFromOrder(snapshot.orders(snapshot.orders_size() - 1),
                                           "Demo Shopper", "Pay by link");
      }
    }
    absl::StatusOr<std::vector<OutboundMessage>> messages =
        Render(*result, request, engine->channel_policy(), &state);
    if (!messages.ok()) {
      Append(&out, "REFUSED ", messages.status().ToString(), "\n");
      continue;
    }
    for (const OutboundMessage& m : *messages) {
      std::vector<std::string> found;
      testing::CheckLimits(channel, m, request.sms_max_segments, &found);
      for (std::string& f : found) problems->push_back(Cat("line ", turn.line, ": ", f));
    }
    out += testing::GoldenText(*messages);
  }
  return out;
}

TEST(DemoChannels, EveryConversationRendersOnEveryChannelWithinItsLimits) {
  std::string source = chatcart::testing::SourceDir();
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(Cat(source, "/examples/bundles/demo"));
  ASSERT_TRUE(engine.ok()) << engine.status();
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(Cat(source, "/tests/conversations"))) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 5u);
  for (const std::filesystem::path& file : files) {
    std::string text = testing::ReadFile(file.string());
    absl::StatusOr<cli::Transcript> transcript = cli::ParseTranscript(file.string(), text);
    ASSERT_TRUE(transcript.ok()) << transcript.status();
    std::string golden;
    for (Channel channel : {Channel::kWeb, Channel::kMessenger, Channel::kWhatsApp, Channel::kSms}) {
      std::vector<std::string> problems;
      Append(&golden, "=== ", ChannelName(channel), "\n");
      golden += Render1(*engine, *transcript, channel, &problems);
      EXPECT_THAT(problems, ::testing::IsEmpty()) << file.filename() << " on " << ChannelName(channel);
    }
    std::string path = Cat(source, "/tests/channels/golden/", file.stem().string(), ".txt");
    std::string diff = testing::CompareGolden(path, golden);
    EXPECT_TRUE(diff.empty()) << diff.substr(0, 4000);
  }
}

}  // namespace
}  // namespace chatcart::channels
