// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22: protobuf logs an ERROR line ("String field ... contains invalid
// UTF-8 data when serializing a protocol buffer") for every ill-formed UTF-8
// string it serializes. A standalone Cart kept its commands' text as given,
// so a host's logs (and a fuzz run's) filled with them. The cart now keeps
// well-formed UTF-8 only; these tests capture protobuf's log through a
// handler installed by the test (never by the library) and expect none.

#include <random>
#include <string>
#include <vector>

#include "cart/cart_testing.h"
#include "chatcart/cart.h"
#include "chatcart/v1/cart.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/stubs/logging.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Cmd;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::Usd;
using ::testing::IsEmpty;

// Protobuf's log lines about UTF-8 while alive (the test's own handler; the
// previous one is put back).
class Utf8Complaints {
 public:
  Utf8Complaints() {
    Lines().clear();
    previous_ = google::protobuf::SetLogHandler(&Handle);
  }
  ~Utf8Complaints() { google::protobuf::SetLogHandler(previous_); }
  const std::vector<std::string>& lines() const { return Lines(); }

 private:
  static std::vector<std::string>& Lines() {
    static std::vector<std::string> lines;
    return lines;
  }
  static void Handle(google::protobuf::LogLevel, const char*, int, const std::string& message) {
    if (message.find("UTF-8") != std::string::npos) Lines().push_back(message);
  }
  google::protobuf::LogHandler* previous_;
};

constexpr char kReplacement[] = "\xEF\xBF\xBD";

commands::AddLine PricedAdd(std::string product_id, std::string title) {
  commands::AddLine add;
  add.product_id = std::move(product_id);
  add.title = std::move(title);
  add.category = "toys\xC3";
  add.quantity = 1;
  add.unit_price = Usd("4.00");
  return add;
}

TEST(Issue22CartText, TheCaptureSeesProtobufComplainAboutIllFormedUtf8) {
  // Without this, the tests below could not fail.
  Utf8Complaints complaints;
  v1::Cart proto;
  proto.set_id("bad\xFF");
  std::string bytes = proto.SerializeAsString();
  EXPECT_EQ(complaints.lines().size(), 1u);
}

TEST(Issue22CartText, IllFormedTextInCommandsIsKeptAsWellFormedUtf8) {
  Utf8Complaints complaints;
  Cart cart = Cart::Create(PolicyFromJson(R"({"currency": "USD"})"), "cart\xFF").value();
  ASSERT_OK(cart.Apply(Cmd(PricedAdd("toy\xFF", "caf\xC3 \xED\xA0\x80"))));
  commands::SetRegion region;
  region.region = "\xF4\x90\x80\x80";
  ASSERT_OK(cart.Apply(Cmd(region)));
  commands::SetBuyer buyer;
  buyer.buyer.customer_id = "c-\xC0\xAF";
  ASSERT_OK(cart.Apply(Cmd(buyer, Actor::Agent("nick\xE2\x82"))));

  EXPECT_EQ(cart.state().id, std::string("cart") + kReplacement);
  ASSERT_EQ(cart.state().lines.size(), 1u);
  EXPECT_EQ(cart.state().lines[0].product_id, std::string("toy") + kReplacement);
  // Maximal subparts: "\xED\xA0\x80" (a surrogate) is three, "\xC0\xAF" two.
  EXPECT_EQ(cart.state().lines[0].title,
            std::string("caf") + kReplacement + " " + kReplacement + kReplacement + kReplacement);
  EXPECT_EQ(cart.state().region,
            std::string(kReplacement) + kReplacement + kReplacement + kReplacement);
  std::string bytes = cart.Serialize();
  v1::Cart printed;
  cart.ToProto(&printed);
  std::string again = printed.SerializeAsString();
  EXPECT_THAT(complaints.lines(), IsEmpty());
  EXPECT_OK(Cart::Parse(cart.policy(), bytes));
}

// A host's PriceSource handing ill-formed titles and categories.
class BadBytesPrices : public PriceSource {
 public:
  absl::StatusOr<PriceQuote> Quote(std::string_view, std::string_view) const override {
    return PriceQuote{Usd("2.50"), "mug\xFF", "kitchen\xE2\x82"};
  }
};

TEST(Issue22CartText, IllFormedTextFromAPriceSourceIsKeptAsWellFormedUtf8) {
  Utf8Complaints complaints;
  BadBytesPrices prices;
  Cart cart = Cart::Create(PolicyFromJson(R"({"currency": "USD"})"), "c").value();
  commands::AddLine add;
  add.product_id = "mug";
  add.quantity = 2;
  ASSERT_OK(cart.Apply(Cmd(add), {.prices = &prices}));
  ASSERT_EQ(cart.state().lines.size(), 1u);
  EXPECT_EQ(cart.state().lines[0].title, std::string("mug") + kReplacement);
  EXPECT_EQ(cart.state().lines[0].category, std::string("kitchen") + kReplacement);
  std::string bytes = cart.Serialize();
  EXPECT_THAT(complaints.lines(), IsEmpty());
  EXPECT_OK(Cart::Parse(cart.policy(), bytes));
}

// Fuzz-like: random bytes in every text field of random commands; whatever
// the cart took serializes without a complaint and parses back.
TEST(Issue22CartText, RandomBytesInCommandsNeverMakeProtobufComplain) {
  Utf8Complaints complaints;
  std::mt19937 random(22);
  auto bytes = [&](int max) {
    std::string s(std::uniform_int_distribution<int>(0, max)(random), '\0');
    for (char& c : s) {
      // Mostly the bytes that make UTF-8 go wrong.
      static constexpr unsigned char kPick[] = {'a',  0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED,
                                                0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90};
      c = static_cast<char>(kPick[std::uniform_int_distribution<int>(0, 13)(random)]);
    }
    return s;
  };
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"({"currency": "USD"})");
  int applied = 0;
  for (int round = 0; round < 200; ++round) {
    Cart cart = Cart::Create(policy, bytes(6)).value();
    for (int step = 0; step < 10; ++step) {
      CartAction action;
      switch (std::uniform_int_distribution<int>(0, 5)(random)) {
        case 0:
          action = PricedAdd(bytes(8), bytes(8));
          break;
        case 1:
          action = commands::AddDiscountCode{bytes(8)};
          break;
        case 2:
          action = commands::SetShippingMethod{bytes(8)};
          break;
        case 3:
          action = commands::SetRegion{bytes(8)};
          break;
        case 4: {
          commands::SetBuyer buyer;
          buyer.buyer.anonymous_id = bytes(8);
          action = buyer;
          break;
        }
        default: {
          commands::PlaceOrder order;
          order.source.channel = bytes(4);
          order.source.campaign = bytes(4);
          order.assisted_by = {bytes(4)};
          action = order;
          break;
        }
      }
      if (cart.Apply(Cmd(action, Actor::Agent(bytes(4)))).ok()) ++applied;
      std::string serialized = cart.Serialize();
      ASSERT_OK(Cart::Parse(policy, serialized)) << "round " << round << " step " << step;
    }
  }
  EXPECT_THAT(complaints.lines(), IsEmpty());
  EXPECT_GT(applied, 500) << "too few commands applied to test anything";
}

}  // namespace
}  // namespace chatcart
