// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22 item 6: a bundle update must not strand live sessions. Snapshots
// taken with the demo bundle (examples/bundles/demo) restore into edited
// copies of it (a shipping method removed, a product removed, another
// currency, a flow removed): what no longer applies is dropped, the next
// turn's trace says what (Trace.restored), the shopper hears about their cart
// (chatcart.cart_changed), and the conversation goes on. Corrupt bytes still
// fail with DATA_LOSS.

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "engine/demo_testing.h"
#include "engine/engine_rep.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace chatcart {
namespace {

using ::chatcart::testing::CopyOfDemo;
using ::chatcart::testing::DemoDir;
using ::chatcart::testing::ReadText;
using ::chatcart::testing::StatusIs;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// One edit of a file of the demo's copy: every `from` becomes `to`; with
// `whole_line`, every line containing `from` is removed; with `until`, the
// text from `from` up to (not including) the next `until` is removed.
struct Edit {
  std::string file;
  std::string from;
  std::string to;
  bool whole_line = false;
  std::string until;
};

// A copy of the demo bundle with `edits` made; each edit must match.
std::string DemoCopy(const std::string& name, const std::vector<Edit>& edits) {
  const std::filesystem::path dir = CopyOfDemo(name);
  for (const Edit& edit : edits) {
    std::string text = ReadText(dir / edit.file);
    size_t at = text.find(edit.from);
    EXPECT_NE(at, std::string::npos) << edit.file << ": " << edit.from;
    if (!edit.until.empty()) {
      if (at != std::string::npos) {
        size_t end = text.find(edit.until, at + edit.from.size());
        EXPECT_NE(end, std::string::npos) << edit.file << ": " << edit.until;
        text.erase(at, end == std::string::npos ? std::string::npos : end - at);
      }
    } else if (edit.whole_line) {
      std::stringstream in(text), out;
      std::string line;
      while (std::getline(in, line)) {
        if (line.find(edit.from) == std::string::npos) out << line << "\n";
      }
      text = out.str();
    } else {
      for (; at != std::string::npos; at = text.find(edit.from, at + edit.to.size())) {
        text.replace(at, edit.from.size(), edit.to);
      }
    }
    std::ofstream(dir / edit.file, std::ios::trunc) << text;
  }
  return dir.string();
}

std::shared_ptr<const Engine> Load(const std::string& dir) {
  absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(dir);
  EXPECT_OK(e);
  return e.ok() ? *e : nullptr;
}

const std::shared_ptr<const Engine>& Demo() {
  static auto* engine = new std::shared_ptr<const Engine>(Load(DemoDir()));
  return *engine;
}

// The demo's next versions, each with one change (built once).
const std::shared_ptr<const Engine>& WithoutExpress() {
  static auto* engine = new std::shared_ptr<const Engine>(
      Load(DemoCopy("restore_no_express", {{.file = "cart_policy.textproto",
                                            .from = "shipping_methods { id: \"express\"",
                                            .whole_line = true},
                                           {.file = "bundle.textproto",
                                            .from = "version: \"2026-11-23.1\"",
                                            .to = "version: \"2026-12-01.1\""}})));
  return *engine;
}

const std::shared_ptr<const Engine>& WithoutFireStation() {
  static auto* engine = new std::shared_ptr<const Engine>(Load(
      DemoCopy("restore_no_fire",
               {{.file = "products.jsonl", .from = "\"id\": \"toy-fire\"", .whole_line = true}})));
  return *engine;
}

// The store sells in US dollars now; the farm costs 27.50 and the fire
// station is gone.
const std::shared_ptr<const Engine>& InDollars() {
  static auto* engine = new std::shared_ptr<const Engine>(Load(DemoCopy(
      "restore_usd",
      {{.file = "products.jsonl", .from = "\"id\": \"toy-fire\"", .whole_line = true},
       {.file = "products.jsonl",
        .from = "\"name\": \"Brickville Junior Farm\", \"brand\": \"Brickville\", \"price\": "
                "\"24.99\"",
        .to = "\"name\": \"Brickville Junior Farm\", \"brand\": \"Brickville\", \"price\": "
              "\"27.50\""},
       {.file = "products.jsonl", .from = "\"EUR\"", .to = "\"USD\""},
       {.file = "products.mapping.textproto", .from = "\"EUR\"", .to = "\"USD\""},
       {.file = "cart_policy.textproto", .from = "\"EUR\"", .to = "\"USD\""},
       {.file = "bundle.textproto", .from = "\"EUR\"", .to = "\"USD\""}})));
  return *engine;
}

// The gift finder is another flow now ("gift" is gone; its slots stay).
const std::shared_ptr<const Engine>& WithoutGiftFlow() {
  static auto* engine = new std::shared_ptr<const Engine>(Load(DemoCopy(
      "restore_no_gift",
      {{.file = "flows.textproto", .from = "id: \"gift\"", .to = "id: \"gift_finder\""}})));
  return *engine;
}

class Shopper {
 public:
  explicit Shopper(std::unique_ptr<Session> session) : session_(std::move(session)) {}

  v1::TurnResult Say(const std::string& text) {
    v1::TurnInput input;
    input.set_text(text);
    input.mutable_time()->set_seconds(now_ += 60);
    absl::StatusOr<v1::TurnResult> result = session_->HandleTurn(input);
    EXPECT_OK(result) << text;
    return result.ok() ? *result : v1::TurnResult();
  }

  void Add(const std::string& product, int64_t quantity) {
    commands::AddLine add;
    add.product_id = product;
    add.quantity = quantity;
    Apply(add);
  }
  void Ship(const std::string& method) { Apply(commands::SetShippingMethod{method}); }

  Session& session() { return *session_; }
  const engine_internal::SessionRep& rep() { return engine_internal::Access::Rep(*session_); }
  const CartState& cart() { return session_->cart()->state(); }

 private:
  void Apply(CartAction action) {
    CartCommand command;
    command.action = std::move(action);
    command.time = absl::FromUnixSeconds(now_);
    EXPECT_OK(session_->ApplyCartCommand(command));
  }

  std::unique_ptr<Session> session_;
  int64_t now_ = 1795428000;  // 2026-11-23
};

// The snapshot restored into `engine`, as a shopper who goes on.
Shopper Restored(const Engine& engine, const std::string& bytes) {
  absl::StatusOr<std::unique_ptr<Session>> restored = engine.RestoreSession(bytes);
  EXPECT_OK(restored);
  return Shopper(restored.ok() ? *std::move(restored) : engine.NewSession("failed", 1));
}

std::vector<std::string> Notes(const v1::TurnResult& result) {
  std::vector<std::string> notes;
  for (const v1::RestoreNote& note : result.trace().restored()) {
    notes.push_back(note.kind() + " " + note.subject());
  }
  return notes;
}

std::vector<std::string> TemplateIds(const v1::TurnResult& result) {
  std::vector<std::string> ids;
  for (const v1::Reply& reply : result.replies()) ids.push_back(reply.template_id());
  return ids;
}

// A cart of two fire stations and a farm, shipped express, with the fire
// station in focus.
std::string CartSnapshot() {
  Shopper s(Demo()->NewSession("cart", 7));
  s.Say("tell me about the Brickville Fire Station");
  EXPECT_EQ(s.rep().dialogue.focus, "toy-fire");
  s.Add("toy-fire", 2);
  s.Add("toy-farm", 1);
  s.Ship("express");
  EXPECT_EQ(s.cart().lines.size(), 2u);
  return s.session().Snapshot();
}

TEST(Issue22RestoreAcrossVersions, AShippingMethodThePolicyLacksIsClearedAndTraced) {
  const std::string bytes = CartSnapshot();
  ASSERT_TRUE(WithoutExpress());
  Shopper s = Restored(*WithoutExpress(), bytes);
  ASSERT_NE(s.session().cart(), nullptr);
  EXPECT_EQ(s.cart().shipping_method, "");
  EXPECT_EQ(s.cart().lines.size(), 2u);
  EXPECT_EQ(s.cart().currency, "EUR");
  // The host learns it with the next turn; the shopper's cart is unchanged,
  // so no reply about it.
  v1::TurnResult r = s.Say("show my cart");
  EXPECT_THAT(Notes(r), ElementsAre("shipping_method express"));
  EXPECT_THAT(TemplateIds(r), Not(Contains("chatcart.cart_changed")));
  EXPECT_THAT(TemplateIds(r), Contains("chatcart.cart_summary"));
  // Told once.
  EXPECT_THAT(Notes(s.Say("hi")), IsEmpty());
}

TEST(Issue22RestoreAcrossVersions, ARemovedProductLeavesTheCartAndFocusAndTheShopperIsTold) {
  const std::string bytes = CartSnapshot();
  ASSERT_TRUE(WithoutFireStation());
  Shopper s = Restored(*WithoutFireStation(), bytes);
  ASSERT_NE(s.session().cart(), nullptr);
  ASSERT_EQ(s.cart().lines.size(), 1u);
  EXPECT_EQ(s.cart().lines[0].product_id, "toy-farm");
  EXPECT_EQ(s.cart().shipping_method, "express");
  EXPECT_EQ(s.rep().dialogue.focus, "");
  EXPECT_THAT(s.rep().dialogue.last_shown, Not(Contains("toy-fire")));
  v1::TurnResult r = s.Say("show my cart");
  EXPECT_THAT(Notes(r), AllOf(Contains("cart_line toy-fire"), Contains("focus toy-fire")));
  ASSERT_GT(r.replies_size(), 1);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.cart_changed");
  EXPECT_EQ(r.replies(0).text(),
            "Our shop has changed since we last spoke. Brickville Fire Station is no longer "
            "available, so I took it out of your cart. Your total is now €34.89.");
  EXPECT_THAT(TemplateIds(r), Contains("chatcart.cart_summary"));
  EXPECT_THAT(Notes(s.Say("hi")), IsEmpty());
}

TEST(Issue22RestoreAcrossVersions, TheNoticeWaitsInTheSnapshotUntilATurnTellsIt) {
  const std::string bytes = CartSnapshot();
  ASSERT_TRUE(WithoutFireStation());
  // Restored and saved again without a turn (a host's cart command, a
  // migration job): the notice is not lost.
  absl::StatusOr<std::unique_ptr<Session>> once = WithoutFireStation()->RestoreSession(bytes);
  ASSERT_OK(once);
  const std::string migrated = (*once)->Snapshot();
  // Restoring a migrated snapshot is a plain round trip.
  absl::StatusOr<std::unique_ptr<Session>> twice = WithoutFireStation()->RestoreSession(migrated);
  ASSERT_OK(twice);
  EXPECT_EQ((*twice)->Snapshot(), migrated);
  Shopper s(*std::move(twice));
  v1::TurnResult r = s.Say("hi");
  EXPECT_THAT(Notes(r), Contains("cart_line toy-fire"));
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.cart_changed");
}

TEST(Issue22RestoreAcrossVersions, AnotherCurrencyRepricesFromTheNewCatalogAndDropsTheRest) {
  const std::string bytes = CartSnapshot();
  ASSERT_TRUE(InDollars());
  Shopper s = Restored(*InDollars(), bytes);
  ASSERT_NE(s.session().cart(), nullptr);
  EXPECT_EQ(s.cart().currency, "USD");
  ASSERT_EQ(s.cart().lines.size(), 1u);
  EXPECT_EQ(s.cart().lines[0].product_id, "toy-farm");
  EXPECT_EQ(s.cart().lines[0].unit_price, 2750);  // the new catalog's, not a conversion
  EXPECT_EQ(s.cart().shipping_method, "express");
  v1::TurnResult r = s.Say("show my cart");
  EXPECT_THAT(Notes(r), AllOf(Contains("cart_currency EUR"), Contains("cart_line toy-fire"),
                              Contains("cart_price toy-farm")));
  ASSERT_GT(r.replies_size(), 1);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.cart_changed");
  EXPECT_EQ(r.replies(0).text(),
            "Our shop has changed since we last spoke. Brickville Fire Station is no longer "
            "available, so I took it out of your cart. Prices are now in USD, and your cart shows "
            "the new ones. Your total is now $37.40.");
  EXPECT_THAT(r.replies(1).text(), HasSubstr("Brickville Junior Farm"));
}

TEST(Issue22RestoreAcrossVersions, ACartWhoseEveryLineIsGoneIsEmptiedAndSaid) {
  Shopper before(Demo()->NewSession("fire", 3));
  before.Add("toy-fire", 1);
  ASSERT_TRUE(InDollars());
  Shopper s = Restored(*InDollars(), before.session().Snapshot());
  ASSERT_NE(s.session().cart(), nullptr);
  EXPECT_THAT(s.cart().lines, IsEmpty());
  v1::TurnResult r = s.Say("hi");
  EXPECT_THAT(Notes(r), Contains("cart_line toy-fire"));
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.cart_changed");
  EXPECT_EQ(r.replies(0).text(),
            "Our shop has changed since we last spoke. Brickville Fire Station is no longer "
            "available, so I took it out of your cart. Your cart is now empty.");
}

TEST(Issue22RestoreAcrossVersions, TheShopperIsToldInTheirLanguage) {
  Shopper before(Demo()->NewSession("it", 3));
  before.Say("ciao, cerco un regalo");
  ASSERT_EQ(before.rep().dialogue.language, "it");
  before.Add("toy-fire", 1);
  before.Add("toy-farm", 1);
  Shopper s = Restored(*WithoutFireStation(), before.session().Snapshot());
  v1::TurnResult r = s.Say("grazie");
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.cart_changed");
  EXPECT_THAT(r.replies(0).text(),
              AllOf(HasSubstr("Brickville Fire Station"), HasSubstr("carrello")))
      << r.replies(0).text();
}

TEST(Issue22RestoreAcrossVersions, AFlowTheNewBundleLacksRestartsAtTheStartFlow) {
  Shopper before(Demo()->NewSession("gift", 5));
  before.Say("I need a gift for my 6 year old");
  ASSERT_FALSE(before.rep().dialogue.stack.empty());
  ASSERT_TRUE(WithoutGiftFlow());
  Shopper s = Restored(*WithoutGiftFlow(), before.session().Snapshot());
  EXPECT_TRUE(s.rep().dialogue.stack.empty());
  v1::TurnResult r = s.Say("hi");
  EXPECT_THAT(Notes(r), Contains(HasSubstr("flow gift")));
  EXPECT_THAT(TemplateIds(r), Not(Contains("chatcart.cart_changed")));
  EXPECT_GT(r.replies_size(), 0);
  EXPECT_EQ(r.trace().state(), "main/welcome");
  // The conversation goes on in the new bundle.
  r = s.Say("how can I print photos from my phone?");
  EXPECT_THAT(r.trace().state(), HasSubstr("photo/"));
}

TEST(Issue22RestoreAcrossVersions, TheSameBundleRestoresWithNothingToTell) {
  const std::string bytes = CartSnapshot();
  Shopper s = Restored(*Demo(), bytes);
  EXPECT_EQ(s.session().Snapshot(), bytes);
  EXPECT_THAT(Notes(s.Say("show my cart")), IsEmpty());
}

// Framed as Session::Snapshot() frames one: the checksum last.
std::string Reframe(v1::SessionSnapshot snapshot) {
  snapshot.clear_checksum();
  std::string bytes = snapshot.SerializeAsString();
  uint64_t hash = XXH3_64bits(bytes.data(), bytes.size());
  bytes.push_back(static_cast<char>((15 << 3) | 1));
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((hash >> (8 * i)) & 0xff));
  return bytes;
}

TEST(Issue22RestoreAcrossVersions, CorruptSnapshotsStillFailWithDataLoss) {
  const std::string bytes = CartSnapshot();
  std::string flipped = bytes;
  flipped[flipped.size() / 3] ^= 0x10;
  EXPECT_THAT(WithoutExpress()->RestoreSession(flipped), StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(WithoutExpress()->RestoreSession(bytes.substr(0, bytes.size() - 3)),
              StatusIs(absl::StatusCode::kDataLoss));
  // Well framed but impossible: a line of no units, a line id past the last.
  v1::SessionSnapshot snapshot;
  ASSERT_TRUE(snapshot.ParseFromString(bytes));
  v1::SessionSnapshot zero = snapshot;
  zero.mutable_cart()->mutable_lines(0)->set_quantity(0);
  EXPECT_THAT(WithoutExpress()->RestoreSession(Reframe(zero)),
              StatusIs(absl::StatusCode::kDataLoss));
  v1::SessionSnapshot past = snapshot;
  past.mutable_cart()->mutable_lines(0)->set_line_id(99);
  EXPECT_THAT(InDollars()->RestoreSession(Reframe(past)), StatusIs(absl::StatusCode::kDataLoss));
}

}  // namespace
}  // namespace chatcart
