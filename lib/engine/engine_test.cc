// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The engine end to end on the demo bundle: conversations, snapshots, bad
// input. Golden transcripts in tests/conversations/ check exact wording; these
// tests check behaviour.

#include "chatcart/engine.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/intent.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "engine/commerce.h"
#include "engine/engine_rep.h"
#include "engine/wire.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A snapshot edited by hand, framed as Session::Snapshot() frames one: the
// checksum field last, over the bytes before it.
std::string Reframe(v1::SessionSnapshot snapshot) {
  snapshot.clear_checksum();
  std::string bytes = snapshot.SerializeAsString();
  uint64_t hash = XXH3_64bits(bytes.data(), bytes.size());
  bytes.push_back(static_cast<char>((15 << 3) | 1));
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((hash >> (8 * i)) & 0xff));
  return bytes;
}

std::string DemoDir() { return chatcart::testing::SourceDir() + "/examples/bundles/demo"; }

const std::shared_ptr<const Engine>& Demo() {
  static auto* engine = [] {
    absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(DemoDir());
    EXPECT_OK(e);
    return new std::shared_ptr<const Engine>(e.ok() ? *e : nullptr);
  }();
  return *engine;
}

class Conversation {
 public:
  explicit Conversation(uint64_t seed = 1) : session_(Demo()->NewSession("test", seed)) {}

  v1::TurnResult Say(const std::string& text) {
    v1::TurnInput input;
    input.set_text(text);
    return Run(input);
  }
  v1::TurnResult Pick(const std::string& payload) {
    v1::TurnInput input;
    input.set_payload(payload);
    return Run(input);
  }
  v1::TurnResult Run(v1::TurnInput& input) {
    input.mutable_time()->set_seconds(now_ += 60);
    absl::StatusOr<v1::TurnResult> result = session_->HandleTurn(input);
    EXPECT_OK(result) << input.ShortDebugString();
    return result.ok() ? *result : v1::TurnResult();
  }
  Session& session() { return *session_; }
  std::unique_ptr<Session>& session_ptr() { return session_; }
  int64_t now_ = 1795428000;

 private:
  std::unique_ptr<Session> session_;
};

std::vector<std::string> Ids(const v1::TurnResult& r) {
  std::vector<std::string> ids;
  for (const v1::Reply& reply : r.replies()) ids.push_back(reply.template_id());
  return ids;
}

std::string AllText(const v1::TurnResult& r) {
  std::string text;
  for (const v1::Reply& reply : r.replies()) text += reply.text() + "\n";
  return text;
}

TEST(Engine, LoadsTheDemoBundle) {
  ASSERT_NE(Demo(), nullptr);
  EXPECT_EQ(Demo()->identity().name, "demo");
  EXPECT_NE(Demo()->identity().fingerprint, 0u);
  EXPECT_EQ(Demo()->currency(), "EUR");
  EXPECT_GE(Demo()->load_stats().intents, 20);
  EXPECT_GE(Demo()->load_stats().products, 30u);
}

// A copy of the demo bundle with `extra` appended to its bundle.textproto.
std::string DemoWith(const std::string& name, const std::string& extra) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::copy(DemoDir(), dir, std::filesystem::copy_options::recursive);
  std::ofstream(dir / "bundle.textproto", std::ios::app) << "\n" << extra << "\n";
  return dir.string();
}

// In the bundle copy `dir`, replaces the one occurrence of `from` in `file`
// by `to`; returns the line (1-based) it was on.
int Edit(const std::string& dir, const std::string& file, const std::string& from,
         const std::string& to) {
  const std::filesystem::path path = std::filesystem::path(dir) / file;
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << file << " has no " << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << file << " has " << from << " twice";
  if (at == std::string::npos) return 0;
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

// The lines of a failed load's message after its "bundle ... has N errors:".
std::vector<std::string> LoadErrors(const absl::StatusOr<std::shared_ptr<const Engine>>& e) {
  std::vector<std::string> lines;
  if (e.ok()) return lines;
  std::string message(e.status().message());
  size_t start = message.find('\n');
  while (start != std::string::npos) {
    size_t end = message.find('\n', start + 1);
    lines.push_back(message.substr(start + 1, end == std::string::npos ? end : end - start - 1));
    start = end;
  }
  return lines;
}

TEST(Engine, ReportsEveryBundleErrorAtOnce) {
  EXPECT_THAT(Engine::Create("/no/such/bundle"), StatusIs(absl::StatusCode::kNotFound));

  // One fault in each file: every one is reported, each at its file:line.
  const std::string dir = DemoWith("every_error", "");
  const int zone = Edit(dir, "bundle.textproto", "\"Europe/Rome\"", "\"Mars/Olympus\"");
  const int target = Edit(dir, "flows.textproto", "condition: \"budget known\" target: \"flow:laptop\"",
                          "condition: \"budget known\" target: \"flow:laptp\"");
  const int variant = Edit(dir, "templates/fr.textproto", "{count, plural, one {Voici # idée}",
                           "{compte} {count, plural, one {Voici # idée}");
  const int category =
      Edit(dir, "cart_policy.textproto", "categories: \"Toys\"", "categories: \"Toyz\"");
  const int example = Edit(dir, "intents/it.textproto", "language: \"it\"", "language: \"de\"");
  absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(dir);
  ASSERT_THAT(e, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("has 5 errors:")));
  EXPECT_THAT(LoadErrors(e),
              ::testing::UnorderedElementsAre(
                  AllOf(StartsWith(absl::StrCat("bundle.textproto:", zone, ":")),
                        HasSubstr("\"Mars/Olympus\"")),
                  AllOf(StartsWith(absl::StrCat("flows.textproto:", target, ":")),
                        HasSubstr("flow \"laptp\" does not exist")),
                  AllOf(StartsWith(absl::StrCat("templates/fr.textproto:", variant, ":")),
                        HasSubstr("{compte} is set by nothing")),
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", category, ":")),
                        HasSubstr("\"Toyz\" is no category path")),
                  AllOf(StartsWith(absl::StrCat("intents/it.textproto:", example, ":")),
                        HasSubstr("language \"de\" must be en, it or fr"))));
}

// Issue #23: a slot filtering a number column failed in front of shoppers.
TEST(Engine, RefusesASlotFilteringANumberAttributeAtItsLine) {
  const std::string dir = DemoWith("slot_number", "");
  const int line = Edit(dir, "flows.textproto", "slot_attribute: \"phone=compatible_with\"",
                        "slot_attribute: \"phone=ink_cartridges\"");
  absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(dir);
  EXPECT_THAT(LoadErrors(e), ::testing::ElementsAre(AllOf(
                                 StartsWith(absl::StrCat("flows.textproto:", line, ":")),
                                 HasSubstr("\"ink_cartridges\" holds a number"))));
  const std::string missing = DemoWith("slot_missing", "");
  Edit(missing, "flows.textproto", "slot_attribute: \"phone=compatible_with\"",
       "slot_attribute: \"phone=works_with\"");
  EXPECT_THAT(LoadErrors(Engine::Create(missing)),
              ::testing::ElementsAre(HasSubstr("the catalog has no attribute \"works_with\"")));
}

// Issue #23: a discount whose category matched no path applied to nothing.
TEST(Engine, RefusesDiscountAndTaxCategoriesNoCatalogPathHas) {
  const std::string dir = DemoWith("categories", "");
  const int code = Edit(dir, "cart_policy.textproto", "categories: \"Toys\"",
                        "categories: \"Plush\" product_ids: \"toy-nope\"");
  const int rate = Edit(dir, "cart_policy.textproto", "rates { region: \"FR\" percent: \"20\" }",
                        "rates { region: \"FR\" category: \"Books\" percent: \"5.5\" }");
  EXPECT_THAT(LoadErrors(Engine::Create(dir)),
              ::testing::UnorderedElementsAre(
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", code, ":")),
                        HasSubstr("TOYS5: category \"Plush\" is no category path of the "
                                  "catalog (the full path: \"Toys > Plush\")")),
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", code, ":")),
                        HasSubstr("product \"toy-nope\" is not in the catalog")),
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", rate, ":")),
                        HasSubstr("tax rate category \"Books\""))));
}

// Issue #23: one bad catalog row used to bring ten errors about the flows
// that use the catalog, at their `flow {` lines.
TEST(Engine, AFailedCatalogIsReportedOnceAndItsUsersAreNot) {
  const std::string dir = DemoWith("bad_row", "");
  const int row = Edit(dir, "products.jsonl", "\"price\": \"699.00\"", "\"price\": \"lots\"");
  EXPECT_THAT(LoadErrors(Engine::Create(dir)),
              ::testing::ElementsAre(StartsWith(absl::StrCat("products.jsonl:", row, ":"))));
}

// Without a catalog at all, each action that needs one says so at its line.
TEST(Engine, ActionsNeedingAMissingComponentAreReportedAtTheirLines) {
  const std::string dir = DemoWith("no_catalog", "");
  Edit(dir, "bundle.textproto", "catalog {", "# catalog {");
  // The printers' recommend action, not its flow's first line.
  const int line = Edit(dir, "flows.textproto", "    action {\n      recommend {\n        where: \"category=Photo Printers\"",
                        "    action {\n      recommend {\n        where: \"category=Photo Printers\"");
  std::vector<std::string> errors = LoadErrors(Engine::Create(dir));
  EXPECT_THAT(errors, Contains(AllOf(StartsWith(absl::StrCat("flows.textproto:", line, ":")),
                                     HasSubstr("recommend needs a catalog"))));
  EXPECT_THAT(errors, Contains(HasSubstr("cart and order actions need a catalog")));
}

TEST(Engine, TheBundleMovesTheOutOfScopeThreshold) {
  absl::StatusOr<std::shared_ptr<const Engine>> fixed =
      Engine::Create(DemoWith("fixed_threshold", "understanding { oos_threshold: 0.99 }"));
  ASSERT_OK(fixed);
  EXPECT_EQ((*fixed)->intent_model()->stats().oos_threshold, 0.99);
  EXPECT_TRUE((*fixed)->intent_model()->Classify("I'd like something for my nephew").out_of_scope);

  absl::StatusOr<std::shared_ptr<const Engine>> stricter =
      Engine::Create(DemoWith("recall", "understanding { oos_target_recall: 1.0 }"));
  ASSERT_OK(stricter);
  EXPECT_GT((*stricter)->intent_model()->stats().oos_threshold,
            Demo()->intent_model()->stats().oos_threshold);
  EXPECT_EQ((*stricter)->intent_model()->stats().fold_oos_recall, 1.0);

  for (const auto& [bad, says] :
       {std::pair{"understanding { oos_threshold: 1.5 }", "understanding.oos_threshold"},
        std::pair{"understanding { oos_target_recall: 0 }", "understanding.oos_target_recall"}}) {
    EXPECT_THAT(Engine::Create(DemoWith("bad_understanding", bad)),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(says)))
        << bad;
  }
}

TEST(Conversation, TheGiftFinderAsksOnlyWhatIsUnknown) {
  Conversation c;
  v1::TurnResult r = c.Say("I need a gift for my 6 year old under 40 euros");
  EXPECT_EQ(r.trace().intent(), "find_gift");
  EXPECT_THAT(Ids(r), Contains("ask_interest"));
  EXPECT_THAT(Ids(r), Not(Contains("ask_age")));
  EXPECT_THAT(Ids(r), Not(Contains("ask_budget")));
  r = c.Say("she loves lego");
  EXPECT_THAT(Ids(r), Contains("gift_picks"));
  ASSERT_GT(r.replies_size(), 0);
  int products = 0;
  for (const v1::Reply& reply : r.replies()) products += reply.products_size();
  EXPECT_GT(products, 0);
}

TEST(Conversation, PhotoPrintingAsksWhichPhoneAndRecommendsForBoth) {
  Conversation c;
  v1::TurnResult r = c.Say("how can I print photos from my phone?");
  EXPECT_EQ(r.trace().intent(), "print_photos");
  EXPECT_THAT(Ids(r), Contains("ask_phone"));
  r = c.Say("I have an iPhone and my wife has a Windows phone");
  EXPECT_THAT(Ids(r), Contains("printer_picks"));
  std::vector<std::string> picked;
  for (const v1::Reply& reply : r.replies()) {
    for (const v1::ProductCard& card : reply.products()) picked.push_back(card.product_id());
  }
  // Only printers that work with both phones; never the ten-ink iPhone-only one.
  EXPECT_THAT(picked, Not(Contains("pr-zen10")));
  EXPECT_THAT(picked, Not(Contains("pr-snap")));
  EXPECT_THAT(picked, Contains("pr-tank3"));
}

TEST(Conversation, CartCodeCheckoutAndAnOrderWithAReference) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  v1::TurnResult r = c.Say("add the first one");
  EXPECT_THAT(Ids(r), Contains("chatcart.added"));
  r = c.Say("apply code WELCOME10");
  EXPECT_THAT(Ids(r), Contains("chatcart.code_applied"));
  r = c.Say("checkout");
  EXPECT_THAT(Ids(r), Contains("chatcart.confirm"));
  EXPECT_THAT(Ids(r), Contains("ask_ok"));
  r = c.Say("ok");
  EXPECT_THAT(Ids(r), Contains("chatcart.order_placed"));
  ASSERT_EQ(r.host_actions_size(), 1);
  EXPECT_EQ(r.host_actions(0).kind(), "payment_request");
  EXPECT_THAT(r.host_actions(0).param().at("reference"),
              ::testing::MatchesRegex("[0-9A-Z]{3}-[0-9A-Z]{4}"));
}

// The condition language's table of engine values (dialogue/condition.h) is
// what validation accepts; the executor must answer each with its kind.
TEST(Session, AnswersEveryEngineValueOfTheConditionTable) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  c.Say("checkout");
  c.Say("ok");
  c.Say("add the second one");
  engine_internal::SessionRep& session = engine_internal::Access::Rep(c.session());
  ASSERT_EQ(session.commerce.orders.size(), 1u);
  v1::TurnInput input;
  input.mutable_time()->set_seconds(c.now_);
  input.mutable_event()->set_kind("order_paid");
  (*input.mutable_event()->mutable_param())["reference"] = session.commerce.orders[0].reference();
  engine::CommerceExecutor executor(engine_internal::Access::Rep(*Demo()), session.commerce, input);
  int asked = 0;
  for (const dialogue::EngineValue& value : dialogue::EngineValues()) {
    // The runtime answers these two (dialogue's tests); profile.<key> has
    // its slot's kind.
    if (value.name == "session.turns" || value.name == "state.fresh" ||
        value.name == "profile.") {
      continue;
    }
    std::optional<dialogue::ConditionValue> v = executor.Lookup(value.name);
    ASSERT_TRUE(v.has_value()) << value.name;
    EXPECT_EQ(v->index(), static_cast<size_t>(value.kind)) << value.name;
    if (!value.words.empty()) {
      EXPECT_THAT(value.words, Contains(std::get<std::string>(*v))) << value.name;
    }
    ++asked;
  }
  EXPECT_EQ(asked, static_cast<int>(dialogue::EngineValues().size()) - 3);
  EXPECT_FALSE(executor.Lookup("cart.line").has_value());
}

TEST(Conversation, ConfirmingAfterTheCartChangedAsksAgain) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  c.Say("checkout");
  c.Say("add the second one");  // interrupts the confirmation; the question resumes
  v1::TurnResult r = c.Say("ok");
  EXPECT_THAT(Ids(r), Contains("chatcart.confirmation_stale"));
  EXPECT_THAT(Ids(r), Not(Contains("chatcart.order_placed")));
}

TEST(Conversation, AddingToAPlacedOrderIsPreviewedThenConfirmed) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  c.Say("checkout");
  c.Say("ok");
  v1::TurnResult r = c.Say("can I add something to my existing order?");
  EXPECT_THAT(Ids(r), Contains("ask_amend_product"));
  c.Say("the plush fox");
  r = c.Say("yes");
  EXPECT_THAT(Ids(r), Contains("chatcart.amended"));
}

TEST(Conversation, AHumanCanBeAskedForAnytime) {
  Conversation c;
  c.Say("I need a gift for my nephew");
  v1::TurnResult r = c.Say("can I speak to a human?");
  EXPECT_THAT(Ids(r), Contains("chatcart.handoff"));
  ASSERT_GE(r.host_actions_size(), 1);
  EXPECT_EQ(r.host_actions(0).kind(), "handoff");
}

TEST(Conversation, AnAdClickInvitesWithItsCampaign) {
  Conversation c;
  v1::TurnInput input;
  input.mutable_event()->set_kind("ad_click");
  (*input.mutable_event()->mutable_param())["campaign"] = "laptops-fall";
  v1::TurnResult r = c.Run(input);
  EXPECT_THAT(AllText(r), HasSubstr("laptops-fall"));
  EXPECT_THAT(AllText(r), HasSubstr("PC specialist"));
}

TEST(Conversation, SpeaksItalianAndFrench) {
  Conversation it;
  v1::TurnResult r = it.Say("cerco un regalo per mio figlio di 6 anni");
  EXPECT_EQ(r.language(), "it");
  EXPECT_EQ(r.trace().intent(), "find_gift");
  Conversation fr;
  r = fr.Say("bonjour, je cherche un cadeau");
  EXPECT_EQ(r.language(), "fr");
}

// The reasons of every product card of a turn.
std::vector<std::string> Reasons(const v1::TurnResult& r) {
  std::vector<std::string> reasons;
  for (const v1::Reply& reply : r.replies()) {
    for (const v1::ProductCard& card : reply.products()) {
      reasons.insert(reasons.end(), card.reasons().begin(), card.reasons().end());
    }
  }
  return reasons;
}

TEST(Conversation, ReasonsNameAttributesAndValuesInTheSessionsLanguage) {
  Conversation it;
  it.Say("cerco un regalo per mio figlio di 8 anni, sotto i 30 euro");
  v1::TurnResult r = it.Say("gli piace la scienza");
  ASSERT_EQ(r.language(), "it");
  EXPECT_THAT(Reasons(r), Contains("Interessi: scienza"));
  EXPECT_THAT(AllText(r), Not(HasSubstr("Interests")));

  Conversation fr;
  fr.Say("je cherche un cadeau pour un enfant de 8 ans, moins de 30 euros");
  r = fr.Say("il adore les sciences");
  ASSERT_EQ(r.language(), "fr");
  EXPECT_THAT(Reasons(r), Contains("Centres d'intérêt : sciences"));

  // English keeps the mapping's label and the value as the catalog holds it.
  Conversation en;
  r = en.Say("a gift for my 8 year old who loves science, under 30 euros");
  EXPECT_THAT(Reasons(r), Contains("Interests: science"));
}

// The demo mapping labels its devices for "*" (every language): each
// session's language names the attribute its way and the values the same.
TEST(Conversation, ValueLabelsForEveryLanguageReadTheSameInEach) {
  const struct {
    const char* language;
    const char* ask;
    const char* phones;
    const char* reason;
  } kCases[] = {
      {"en", "how can I print photos from my phone?",
       "I have an iPhone and my wife has a Windows phone", "Works with: iPhone, Windows Phone"},
      {"it", "come posso stampare le foto dal mio telefono?",
       "ho un iPhone e mia moglie ha un Windows phone", "Compatibile con: iPhone, Windows Phone"},
      {"fr", "comment imprimer des photos depuis mon téléphone ?",
       "j'ai un iPhone et ma femme a un Windows phone", "Compatible avec : iPhone, Windows Phone"},
  };
  for (const auto& c : kCases) {
    Conversation conversation;
    conversation.Say(c.ask);
    v1::TurnResult r = conversation.Say(c.phones);
    ASSERT_EQ(r.language(), c.language);
    EXPECT_THAT(Reasons(r), Contains(c.reason)) << c.language;
    // Not the catalog's raw values, which the "*" labels replace.
    EXPECT_THAT(AllText(r), Not(HasSubstr("windows_phone"))) << c.language;
  }
}

TEST(Session, SnapshotsContinueAnywhereByteForByte) {
  Conversation a(5);
  a.Say("a gift for my 6 year old who loves lego, under 80 euros");
  a.Say("add the first one");
  std::string bytes = a.session().Snapshot();
  absl::StatusOr<std::unique_ptr<Session>> restored = Demo()->RestoreSession(bytes);
  ASSERT_OK(restored);
  EXPECT_EQ((*restored)->Snapshot(), bytes);
  v1::TurnInput input;
  input.set_text("add the second one");
  input.mutable_time()->set_seconds(a.now_ + 60);
  absl::StatusOr<v1::TurnResult> original = a.session().HandleTurn(input);
  absl::StatusOr<v1::TurnResult> continued = (*restored)->HandleTurn(input);
  ASSERT_OK(original);
  ASSERT_OK(continued);
  EXPECT_EQ(engine::DeterministicBytes(*original), engine::DeterministicBytes(*continued));
  EXPECT_EQ(a.session().Snapshot(), (*restored)->Snapshot());
}

TEST(Session, TheSameInputsGiveTheSameBytes) {
  auto run = [] {
    Conversation c(9);
    std::string bytes;
    for (const char* text :
         {"hi", "I need a gift", "6", "40", "lego", "add the first one", "what?", "show my cart"}) {
      bytes += engine::DeterministicBytes(c.Say(text));
    }
    return bytes + c.session().Snapshot();
  };
  EXPECT_EQ(run(), run());
}

TEST(Session, BadSnapshotsFailClearly) {
  Conversation c;
  c.Say("hi");
  std::string bytes = c.session().Snapshot();
  EXPECT_THAT(Demo()->RestoreSession(bytes.substr(0, bytes.size() / 2)),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(Demo()->RestoreSession("\xff\xff\xff garbage"),
              StatusIs(absl::StatusCode::kDataLoss));
  v1::SessionSnapshot other;
  ASSERT_TRUE(other.ParseFromString(bytes));
  // Reframed unchanged, it restores; the framing is right.
  EXPECT_OK(Demo()->RestoreSession(Reframe(other)));
  // One flipped byte, or a stale checksum, is corruption.
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  EXPECT_THAT(Demo()->RestoreSession(flipped), StatusIs(absl::StatusCode::kDataLoss));
  other.mutable_bundle()->set_name("another-store");
  EXPECT_THAT(Demo()->RestoreSession(other.SerializeAsString()),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(Demo()->RestoreSession(Reframe(other)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("another-store")));
  other.mutable_bundle()->set_name("demo");
  other.set_format(99);
  EXPECT_THAT(Demo()->RestoreSession(Reframe(other)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("format 99")));
}

TEST(Session, BadInputGetsADefinedResult) {
  Conversation c;
  v1::TurnInput empty;
  empty.mutable_time()->set_seconds(1795428000);
  EXPECT_THAT(c.session().HandleTurn(empty), StatusIs(absl::StatusCode::kInvalidArgument));
  v1::TurnResult r = c.Say(std::string("caf\xc3\x28 \xff hello"));  // invalid UTF-8
  EXPECT_GT(r.replies_size(), 0);
  r = c.Say(std::string(100 * 1024, 'a'));
  EXPECT_TRUE(r.trace().truncated());
  r = c.Say("🎁🎁🎁");
  EXPECT_GT(r.replies_size(), 0);
  r = c.Pick("no-such-payload");
  EXPECT_THAT(Ids(r), Contains("chatcart.not_understood"));
  v1::TurnInput meteor;
  meteor.mutable_event()->set_kind("meteor");
  meteor.mutable_time()->set_seconds(1795429000);
  std::string before = c.session().Snapshot();
  EXPECT_THAT(c.session().HandleTurn(meteor), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(c.session().Snapshot(), before);  // a failed turn changes nothing
}

TEST(Session, TenThousandTurnsStayBounded) {
  Conversation c;
  for (int i = 0; i < 1000; ++i) c.Say(i % 2 ? "what?" : "hello");
  size_t after_1000 = c.session().Snapshot().size();
  for (int i = 0; i < 9000; ++i) c.Say(i % 2 ? "what?" : "hello");
  // History is capped: 9,000 more turns add only wider counters and times.
  EXPECT_LT(c.session().Snapshot().size(), after_1000 + 16);
}

TEST(Session, ProfilesCarryKnownAnswersToTheNextConversation) {
  Conversation first;
  first.Say("how can I print photos from my phone?");
  first.Say("android");
  // The demo bundle remembers slots with a profile_key only through a
  // remember action; export what the session holds and import it elsewhere.
  v1::ShopperProfile profile;
  profile.set_consent(true);
  v1::ProfileEntry* entry = profile.add_entries();
  entry->set_key("phone");
  entry->mutable_value()->set_name("phone");
  entry->mutable_value()->set_type("compatibility");
  entry->mutable_value()->set_text("android");
  Conversation next;
  ASSERT_OK(next.session().ImportProfile(profile));
  v1::TurnResult r = next.Say("how can I print photos from my phone?");
  EXPECT_THAT(Ids(r), Not(Contains("ask_phone")));
  EXPECT_THAT(Ids(r), Contains("printer_picks"));
  r = next.Say("forget me");
  EXPECT_THAT(Ids(r), Contains("chatcart.forgotten"));
  EXPECT_FALSE(next.session().ExportProfile().consent());
}

}  // namespace
}  // namespace chatcart

namespace chatcart {
namespace {

TEST(Session, HostCartCommandsJoinTheConversation) {
  Conversation c;
  EXPECT_EQ(c.session().cart(), nullptr);
  CartCommand add;
  commands::AddLine two_foxes;
  two_foxes.product_id = "toy-fox";
  two_foxes.quantity = 2;
  add.action = two_foxes;
  add.actor = Actor::Agent("nick-42");
  add.time = absl::FromUnixSeconds(c.now_);
  add.idempotency_key = "agent-1";
  absl::StatusOr<ApplyResult> applied = c.session().ApplyCartCommand(add);
  ASSERT_OK(applied);
  ASSERT_NE(c.session().cart(), nullptr);
  EXPECT_EQ(c.session().cart()->state().lines.size(), 1u);
  // A retry applies nothing; the shopper sees the agent's line in the chat.
  ASSERT_OK(c.session().ApplyCartCommand(add));
  EXPECT_EQ(c.session().cart()->state().lines[0].quantity, 2);
  v1::TurnResult r = c.Say("show my cart");
  EXPECT_THAT(Ids(r), Contains("chatcart.cart_summary"));
  EXPECT_THAT(r.replies(0).text(), HasSubstr("2 × Plush Fox"));

  // A refused command leaves the session byte for byte as it was.
  std::string before = c.session().Snapshot();
  CartCommand too_many = add;
  too_many.idempotency_key.clear();
  commands::AddLine thousand_foxes;
  thousand_foxes.product_id = "toy-fox";
  thousand_foxes.quantity = 1000;
  too_many.action = thousand_foxes;
  EXPECT_FALSE(c.session().ApplyCartCommand(too_many).ok());
  EXPECT_EQ(c.session().Snapshot(), before);
}

}  // namespace
}  // namespace chatcart

namespace chatcart {
namespace {

TEST(Session, SmsGetsNumberedChoicesThatANumberPicks) {
  Conversation c;
  v1::TurnInput hi;
  hi.set_text("hi");
  hi.set_channel("sms");
  v1::TurnResult r = c.Run(hi);
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_THAT(r.replies(0).text(), HasSubstr("\n1. Find a gift\n2. Print photos"));
  v1::TurnInput two;
  two.set_text("2");
  two.set_channel("sms");
  r = c.Run(two);
  EXPECT_EQ(r.trace().state(), "photo/ask");
  // Other channels keep buttons only.
  EXPECT_THAT(Conversation().Say("hi").replies(0).text(), Not(HasSubstr("\n1. ")));
}

TEST(Session, AnEventLackingATemplatesParamFailsTheTurnAndChangesNothing) {
  Conversation c;
  c.Say("hi");
  std::string before = c.session().Snapshot();
  v1::TurnInput shipped;
  shipped.mutable_event()->set_kind("order_shipped");
  (*shipped.mutable_event()->mutable_param())["reference"] = "ABC-1234";  // no tracking_url
  shipped.mutable_time()->set_seconds(c.now_ + 60);
  EXPECT_THAT(c.session().HandleTurn(shipped),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("tracking_url")));
  EXPECT_EQ(c.session().Snapshot(), before);
}

}  // namespace
}  // namespace chatcart

// Issue #22: whatever a session accepted, its snapshot restores. Ill-formed
// UTF-8 in the session id, a buyer id, a region, a line title, the profile's
// language or an event's params was kept as is and the snapshot came back
// DATA_LOSS; a turn far in the future with a cart confirmation wrote an expiry
// with nanos -1.
namespace chatcart {
namespace {

void ExpectSnapshotRestores(const Session& session) {
  const std::string bytes = session.Snapshot();
  absl::StatusOr<std::unique_ptr<Session>> restored = Demo()->RestoreSession(bytes);
  ASSERT_OK(restored);
  EXPECT_EQ((*restored)->Snapshot(), bytes);
}

TEST(Issue22SessionSnapshot, IllFormedTextTakenInStillRestores) {
  std::unique_ptr<Session> session = Demo()->NewSession("s\xff\xfe-1", 3);
  EXPECT_EQ(session->id(), "s\xEF\xBF\xBD\xEF\xBF\xBD-1");

  v1::ShopperProfile profile;
  profile.set_consent(true);
  profile.set_language("it\xc3");
  v1::ProfileEntry* entry = profile.add_entries();
  entry->set_key("phone\xff");
  entry->mutable_value()->set_text("and\xe2\x82roid");
  ASSERT_OK(session->ImportProfile(profile));

  auto apply = [&](CartAction action) {
    CartCommand command;
    command.action = std::move(action);
    command.actor = Actor::Agent("nick\xff");
    command.time = absl::FromUnixSeconds(1795428000);
    return session->ApplyCartCommand(command);
  };
  ASSERT_OK(apply(commands::SetBuyer{{"", "cust\xff\xff", false}}));
  ASSERT_OK(apply(commands::SetRegion{"IT\xc0"}));
  commands::AddLine fox;
  fox.product_id = "toy-fox";
  fox.title = "Fox \xed\xa0\x80";  // a surrogate: ill-formed
  ASSERT_OK(apply(fox));
  ASSERT_NE(session->cart(), nullptr);
  EXPECT_EQ(session->cart()->state().buyer.customer_id, "cust\xEF\xBF\xBD\xEF\xBF\xBD");

  v1::TurnInput joined;
  joined.mutable_event()->set_kind("agent_joined");
  (*joined.mutable_event()->mutable_param())["agent"] = "Nick\xff";
  (*joined.mutable_event()->mutable_param())["agent_id"] = "nick\xfe";
  joined.set_channel("web\xff");
  joined.set_locale_hint("en\xff");
  joined.mutable_time()->set_seconds(1795428060);
  ASSERT_OK(session->HandleTurn(joined));
  v1::TurnInput text;
  text.set_text("show my cart \xff");
  text.mutable_time()->set_seconds(1795428120);
  ASSERT_OK(session->HandleTurn(text));
  ExpectSnapshotRestores(*session);
}

TEST(Issue22SessionSnapshot, TurnsAtTimesASnapshotCannotHoldAreRefusedAndChangeNothing) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  const std::string before = c.session().Snapshot();
  for (int64_t seconds : {std::numeric_limits<int64_t>::max() - 5,
                          std::numeric_limits<int64_t>::min(), int64_t{253402300800}}) {
    v1::TurnInput checkout;
    checkout.set_text("checkout");
    checkout.mutable_time()->set_seconds(seconds);
    EXPECT_THAT(c.session().HandleTurn(checkout),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("time")))
        << seconds;
    EXPECT_EQ(c.session().Snapshot(), before);
  }
  // The last moment a Timestamp holds is a time like any other.
  v1::TurnInput checkout;
  checkout.set_text("checkout");
  checkout.mutable_time()->set_seconds(253402300799 - 3600);
  absl::StatusOr<v1::TurnResult> r = c.session().HandleTurn(checkout);
  ASSERT_OK(r);
  ExpectSnapshotRestores(c.session());
}

// Issue #22: a 10 MB product id gave a 20 MB message.
TEST(Issue22Echo, AHugeProductIdGivesAShortMessage) {
  std::unique_ptr<Session> session = Demo()->NewSession("echo", 1);
  CartCommand command;
  commands::AddLine add;
  add.product_id = std::string(10 << 20, 'x');
  command.action = add;
  command.time = absl::FromUnixSeconds(1795428000);
  absl::StatusOr<ApplyResult> result = session->ApplyCartCommand(command);
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kNotFound, HasSubstr("xxxx\xE2\x80\xA6")));
  EXPECT_LT(result.status().message().size(), 400u);
}

// Random ill-formed bytes in every text field a host can hand a session.
TEST(Issue22SessionSnapshot, RandomIllFormedTextAlwaysRestores) {
  std::mt19937_64 rng(22);
  auto noise = [&](std::string_view prefix) {
    std::string s(prefix);
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(0x80 + rng() % 0x80));
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::unique_ptr<Session> session = Demo()->NewSession(noise("s"), round);
    v1::ShopperProfile profile;
    profile.set_language(noise("en"));
    ASSERT_OK(session->ImportProfile(profile));
    CartCommand command;
    command.time = absl::FromUnixSeconds(1795428000);
    command.actor = Actor::Agent(noise("a"));
    command.action = commands::SetBuyer{{noise("anon"), "", false}};
    ASSERT_OK(session->ApplyCartCommand(command));
    command.action = commands::SetRegion{noise("IT")};
    ASSERT_OK(session->ApplyCartCommand(command));
    commands::AddLine fox;
    fox.product_id = "toy-fox";
    fox.title = noise("Fox");
    command.action = fox;
    ASSERT_OK(session->ApplyCartCommand(command));
    v1::TurnInput input;
    input.set_text(noise("hello"));
    input.set_channel(noise("web"));
    input.set_actor(noise("shopper"));
    (*input.mutable_event()->mutable_param())[noise("k")] = noise("v");
    input.mutable_time()->set_seconds(1795428060);
    (void)session->HandleTurn(input);  // the event has no kind: text decides
    ExpectSnapshotRestores(*session);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace chatcart
