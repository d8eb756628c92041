// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations::HandleInbound: a message from a channel (as ParseWebhook
// gives it) goes through the channel's rules, the turn, and rendering, with
// the channel state kept in the conversation.

#include <string>

#include "absl/strings/str_cat.h"
#include "chatcart/channels.h"
#include "chatcart/runtime.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/runtime_test_util.h"

namespace chatcart {
namespace {

using ::chatcart::channels::Channel;
using ::chatcart::channels::ChannelName;
using ::chatcart::channels::InboundMessage;
using ::chatcart::testing::DemoEngine;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

InboundMessage Inbound(Channel channel, std::string_view id, std::string_view text, int step) {
  InboundMessage m;
  m.channel = channel;
  m.account = channel == Channel::kSms ? "+15550100" : "shop";
  m.shopper = channel == Channel::kSms ? "+15550123" : "v-1";
  m.message_id = std::string(id);
  m.time_ms = (int64_t{1795428000} + 30 * step) * 1000;
  m.input.set_text(std::string(text));
  m.input.mutable_time()->set_seconds(1795428000 + 30 * step);
  m.input.set_channel(std::string(ChannelName(channel)));
  return m;
}

class InboundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = NewMemorySessionStore();
    ConversationsOptions options;
    options.engine = DemoEngine();
    options.store = store_;
    options.store_name = "Toyland & Tech";
    auto made = Conversations::Create(std::move(options));
    ASSERT_OK(made);
    conversations_ = *std::move(made);
  }
  std::shared_ptr<SessionStore> store_;
  std::unique_ptr<Conversations> conversations_;
};

TEST_F(InboundTest, AWidgetMessageIsAnsweredWithTheWidgetsPayloads) {
  auto out = conversations_->HandleInbound(
      Inbound(Channel::kWeb, "e-1", "I need a gift for my 6 year old under 40 euros", 0));
  ASSERT_OK(out);
  EXPECT_OK(out->render_status);
  ASSERT_FALSE(out->outbound.empty());
  EXPECT_EQ(out->outbound[0].content_type, "application/json");
  EXPECT_THAT(out->outbound[0].body, ::testing::ContainsRegex("What (are they into|do they enjoy)"));
  EXPECT_EQ(out->version, 1);
  EXPECT_OK(store_->Load("web:shop:v-1"));
  auto again = conversations_->HandleInbound(
      Inbound(Channel::kWeb, "e-1", "I need a gift for my 6 year old under 40 euros", 0));
  ASSERT_OK(again);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->version, 1);
}

TEST_F(InboundTest, SmsStopIsAnsweredByTheChannelAndKeptWithTheConversation) {
  auto hi = conversations_->HandleInbound(Inbound(Channel::kSms, "SM1", "hi", 0));
  ASSERT_OK(hi);
  ASSERT_FALSE(hi->outbound.empty());
  EXPECT_FALSE(hi->outbound[0].sms_text.empty());
  auto stop = conversations_->HandleInbound(Inbound(Channel::kSms, "SM2", "STOP", 1));
  ASSERT_OK(stop);
  EXPECT_EQ(stop->keyword, "opt_out");
  ASSERT_EQ(stop->outbound.size(), 1u);  // the confirmation, from the channel
  EXPECT_EQ(stop->result.replies_size(), 0);
  EXPECT_EQ(stop->version, 2);
  // Opted out, in the stored conversation: the next text gets no turn.
  auto after = conversations_->HandleInbound(Inbound(Channel::kSms, "SM3", "hi", 2));
  ASSERT_OK(after);
  EXPECT_THAT(after->outbound, IsEmpty());
  EXPECT_EQ(after->result.replies_size(), 0);
  auto start = conversations_->HandleInbound(Inbound(Channel::kSms, "SM4", "START", 3));
  ASSERT_OK(start);
  EXPECT_EQ(start->keyword, "opt_in");
  auto back = conversations_->HandleInbound(Inbound(Channel::kSms, "SM5", "hi", 4));
  ASSERT_OK(back);
  EXPECT_FALSE(back->outbound.empty());
}

TEST_F(InboundTest, AProactiveReplyOutsideTheWhatsAppWindowIsSavedButNotRendered) {
  // A WhatsApp shopper's first message opens the window; 25 hours later a
  // new message opens it again, but an event turn on its own would not.
  auto first = conversations_->HandleInbound(Inbound(Channel::kWhatsApp, "wamid.1", "hi", 0));
  ASSERT_OK(first);
  EXPECT_OK(first->render_status);
  EXPECT_FALSE(first->outbound.empty());
  EXPECT_THAT(Conversations::ConversationIdOf(Inbound(Channel::kWhatsApp, "x", "", 0)),
              ::testing::StartsWith("whatsapp:shop:"));
}

}  // namespace
}  // namespace chatcart
