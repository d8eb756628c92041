// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/template.h"

#include <map>
#include <set>
#include <string>

#include "common/testing/status_matchers.h"
#include "dialogue/builtin_templates.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::dialogue {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::shared_ptr<const LocaleFormat> Locale(std::string_view tag) {
  auto locale = LocaleFormat::Create(tag);
  EXPECT_OK(locale);
  return *locale;
}

std::string Render(std::string_view pattern, std::string_view locale, const TemplateArgs& args) {
  absl::StatusOr<Template> t = Template::Compile(pattern);
  EXPECT_OK(t);
  if (!t.ok()) return "";
  return t->Render(*Locale(locale), args);
}

struct RenderCase {
  const char* pattern;
  const char* locale;
  TemplateArgs args;
  const char* expected;
};

void PrintTo(const RenderCase& c, std::ostream* os) { *os << c.pattern << " [" << c.locale << "]"; }

class TemplateRender : public ::testing::TestWithParam<RenderCase> {};

TEST_P(TemplateRender, RendersLikeIcuMessageFormat) {
  const RenderCase& c = GetParam();
  EXPECT_EQ(Render(c.pattern, c.locale, c.args), c.expected);
}

const char kItems[] = "{n, plural, =0 {no items} one {# item} other {# items}}";

INSTANTIATE_TEST_SUITE_P(
    Templates, TemplateRender,
    ::testing::Values(
        RenderCase{"Hello!", "en", {}, "Hello!"},
        RenderCase{"Hi {name}, welcome to {store}.",
                   "en",
                   {{"name", std::string("Ada")}, {"store", std::string("Toys & Tech")}},
                   "Hi Ada, welcome to Toys & Tech."},
        RenderCase{kItems, "en", {{"n", int64_t{0}}}, "no items"},
        RenderCase{kItems, "en", {{"n", int64_t{1}}}, "1 item"},
        RenderCase{kItems, "en", {{"n", int64_t{1234}}}, "1,234 items"},
        RenderCase{"{n, plural, one {# articolo} other {# articoli}}",
                   "it",
                   {{"n", int64_t{1}}},
                   "1 articolo"},
        RenderCase{"{n, plural, one {# articolo} other {# articoli}}",
                   "it",
                   {{"n", int64_t{2}}},
                   "2 articoli"},
        // French: 0 and 1 are both "one".
        RenderCase{"{n, plural, one {# article} other {# articles}}",
                   "fr",
                   {{"n", int64_t{0}}},
                   "0 article"},
        RenderCase{"{n, number}", "fr", {{"n", int64_t{1234}}}, "1\u202f234"},
        RenderCase{"{n, number}", "it", {{"n", int64_t{1234}}}, "1.234"},
        RenderCase{"{kind, select, gift {A gift!} other {For you.}}",
                   "en",
                   {{"kind", std::string("gift")}},
                   "A gift!"},
        RenderCase{"{kind, select, gift {A gift!} other {For you.}}",
                   "en",
                   {{"kind", std::string("self")}},
                   "For you."},
        // Plural counts may arrive as text.
        RenderCase{kItems, "en", {{"n", std::string("3")}}, "3 items"},
        // Apostrophes: literal before letters, quoting before braces.
        RenderCase{"Vuoi l'ordine? C'est {x}.",
                   "it",
                   {{"x", std::string("ok")}},
                   "Vuoi l'ordine? C'est ok."},
        RenderCase{"Type '{'braces'}' and it''s fine", "en", {}, "Type {braces} and it's fine"},
        RenderCase{"{n, plural, other {'#' is # here}}", "en", {{"n", int64_t{5}}}, "# is 5 here"},
        // Nested plural inside select.
        RenderCase{"{who, select, me {{n, plural, one {my # toy} other {my # toys}}} other {x}}",
                   "en",
                   {{"who", std::string("me")}, {"n", int64_t{2}}},
                   "my 2 toys"},
        // A missing argument stays visible.
        RenderCase{"Total: {total}", "en", {}, "Total: {total}"}));

TEST(Template, ReportsSyntaxErrorsWithTheirOffset) {
  EXPECT_THAT(Template::Compile("Hello {name"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("offset")));
  EXPECT_THAT(Template::Compile("{n, plural, one {x}}"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("needs an 'other' case")));
  EXPECT_THAT(Template::Compile("{n, date}"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unsupported argument type")));
  EXPECT_THAT(Template::Compile("oops }"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unmatched '}'")));
  EXPECT_THAT(Template::Compile("{}"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Template::Compile("'{unterminated"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unterminated quote")));
}

TEST(Template, ListsItsArgumentNames) {
  absl::StatusOr<Template> t =
      Template::Compile("{a} {b, plural, one {{c}} other {{a}}} {d, number}");
  ASSERT_OK(t);
  EXPECT_THAT(t->ArgumentNames(), ElementsAre("a", "b", "c", "d"));
}

TEST(LocaleFormat, RejectsIllFormedTags) {
  EXPECT_THAT(LocaleFormat::Create(""), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(LocaleFormat::Create("not a tag!"), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace chatcart::dialogue

namespace chatcart::dialogue {
namespace {

TEST(BuiltinTemplates, CompileAndExistInEveryLanguage) {
  std::map<std::string, std::set<std::string>> languages;
  for (const BuiltinTemplate& builtin : BuiltinTemplates()) {
    languages[std::string(builtin.id)].insert(std::string(builtin.language));
    EXPECT_FALSE(builtin.variants.empty()) << builtin.id;
    for (std::string_view variant : builtin.variants) {
      EXPECT_OK(Template::Compile(variant)) << builtin.id << " [" << builtin.language << "]";
    }
  }
  for (const auto& [id, langs] : languages) {
    EXPECT_EQ(langs, (std::set<std::string>{"en", "fr", "it"})) << id;
  }
}

}  // namespace
}  // namespace chatcart::dialogue

namespace chatcart::dialogue {
namespace {

// The confirmation says "VAT included" only for tax-included prices; a store
// with tax-excluded prices shows its tax instead.
TEST(BuiltinTemplates, TheConfirmationNamesTaxAsThePricesDo) {
  std::string_view en;
  for (const BuiltinTemplate& builtin : BuiltinTemplates()) {
    if (builtin.id == "chatcart.confirm" && builtin.language == "en") en = builtin.variants[0];
  }
  ASSERT_FALSE(en.empty());
  TemplateArgs args = {{"count", int64_t{2}}, {"total", "$54.12"}, {"shipping", "$4.90"},
                       {"tax", "$4.02"}};
  args.push_back({"tax_included", "yes"});
  EXPECT_EQ(Render(en, "en-US", args),
            "That's 2 items for $54.12, shipping ($4.90) and VAT included.");
  args.back() = {"tax_included", "no"};
  EXPECT_EQ(Render(en, "en-US", args),
            "That's 2 items for $54.12, shipping ($4.90) and tax ($4.02) included.");
}

}  // namespace
}  // namespace chatcart::dialogue
