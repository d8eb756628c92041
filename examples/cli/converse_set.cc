// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "converse_set.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "chatcart/intent.h"
#include "chatcart/money.h"

namespace chatcart::cli {
namespace {

using Kind = Assertion::Kind;

struct KindName {
  Kind kind;
  absl::string_view name;
};

constexpr KindName kKindNames[] = {
    {Kind::kIntent, "intent"},
    {Kind::kAct, "act"},
    {Kind::kState, "state"},
    {Kind::kShows, "shows"},
    {Kind::kShowsAny, "shows-any"},
    {Kind::kHides, "hides"},
    {Kind::kShownCount, "shown"},
    {Kind::kShownAll, "shown-all"},
    {Kind::kShownNone, "shown-none"},
    {Kind::kShownNew, "shown-new"},
    {Kind::kCartHas, "cart-has"},
    {Kind::kCartLacks, "cart-lacks"},
    {Kind::kCartLines, "cart-lines"},
    {Kind::kCartItems, "cart-items"},
    {Kind::kCartTotal, "cart-total"},
    {Kind::kMentions, "mentions"},
    {Kind::kMentionsNot, "mentions-not"},
    {Kind::kHandoff, "handoff"},
    {Kind::kNoHandoff, "no-handoff"},
    {Kind::kOffersHuman, "offers-human"},
    {Kind::kQuickReply, "quick-reply"},
    {Kind::kSilent, "silent"},
    {Kind::kLang, "lang"},
    {Kind::kReplied, "replied"},
    {Kind::kNoLeak, "no-leak"},
    {Kind::kNotFallback, "not-fallback"},
    {Kind::kNoRepeat, "no-repeat"},
};

constexpr absl::string_view kFallbackTemplate = "chatcart.not_understood";

std::vector<std::string> SplitAlternatives(absl::string_view text) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(text, '|')) {
    part = absl::StripAsciiWhitespace(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

// "3", ">= 1", ">0": a comparison with a number.
bool ParseCount(absl::string_view text, CompareOp* op, int64_t* number) {
  text = absl::StripAsciiWhitespace(text);
  static constexpr std::pair<absl::string_view, CompareOp> kOps[] = {
      {">=", CompareOp::kGe}, {"<=", CompareOp::kLe}, {"!=", CompareOp::kNe},
      {">", CompareOp::kGt},  {"<", CompareOp::kLt},  {"=", CompareOp::kEq}};
  *op = CompareOp::kEq;
  for (const auto& [symbol, value] : kOps) {
    if (absl::ConsumePrefix(&text, symbol)) {
      *op = value;
      break;
    }
  }
  return absl::SimpleAtoi(absl::StripAsciiWhitespace(text), number) && *number >= 0;
}

// Parses the words after an assertion's name into `a`; returns an error
// message, empty when all is well.
std::string ParseAssertionArgs(absl::string_view rest, Assertion* a) {
  switch (a->kind) {
    case Kind::kIntent:
    case Kind::kAct:
    case Kind::kState:
      if (absl::ConsumePrefix(&rest, "!")) a->negated = true;
      a->values = SplitAlternatives(rest);
      return a->values.empty() ? "needs a value" : "";
    case Kind::kShows:
    case Kind::kShowsAny:
    case Kind::kHides:
      a->values = absl::StrSplit(rest, ' ', absl::SkipEmpty());
      return a->values.empty() ? "needs product ids" : "";
    case Kind::kShownCount:
    case Kind::kCartLines:
    case Kind::kCartItems:
      return ParseCount(rest, &a->op, &a->number) ? "" : "needs a count: 3, >= 1, < 4";
    case Kind::kShownAll:
    case Kind::kShownNone:
    case Kind::kCartHas:
    case Kind::kCartLacks:
      for (absl::string_view part : absl::StrSplit(rest, ';', absl::SkipWhitespace())) {
        part = absl::StripAsciiWhitespace(part);
        if (a->kind == Kind::kCartHas && absl::ConsumePrefix(&part, "qty=")) {
          int64_t quantity = 0;
          if (!absl::SimpleAtoi(part, &quantity) || quantity <= 0) return "qty needs a count";
          a->quantity = quantity;
          continue;
        }
        absl::StatusOr<Constraint> constraint =
            Constraint::Parse(std::string_view(part.data(), part.size()));
        if (!constraint.ok()) return std::string(constraint.status().message());
        a->constraints.push_back(*std::move(constraint));
      }
      return a->constraints.empty() && !a->quantity ? "needs constraints: price<=40; brand=Lumo"
                                                    : "";
    case Kind::kCartTotal:
      a->total_decimal = std::string(absl::StripAsciiWhitespace(rest));
      return a->total_decimal.empty() ? "needs an amount: 59.99" : "";
    case Kind::kMentions:
    case Kind::kMentionsNot:
    case Kind::kQuickReply:
      a->values = SplitAlternatives(rest);
      return a->values.empty() ? "needs words" : "";
    case Kind::kLang:
      a->values = {std::string(absl::StripAsciiWhitespace(rest))};
      return a->values[0].empty() ? "needs a language" : "";
    case Kind::kHandoff:
    case Kind::kNoHandoff:
    case Kind::kOffersHuman:
    case Kind::kSilent:
    case Kind::kShownNew:
      return absl::StripAsciiWhitespace(rest).empty() ? "" : "takes no value";
    case Kind::kReplied:
    case Kind::kNoLeak:
    case Kind::kNotFallback:
    case Kind::kNoRepeat:
      return "is checked on every turn already";
  }
  return "unknown";
}

}  // namespace

absl::string_view AssertionName(Kind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "?";
}

absl::StatusOr<std::vector<SetConversation>> ParseConversationSet(const std::string& path,
                                                                  absl::string_view text) {
  std::vector<SetConversation> conversations;
  // File defaults, set before the first "===".
  SetConversation defaults;
  std::string channel, locale;  // current, per conversation
  std::string default_channel, default_locale;
  int pending_wait = 1;
  int line_number = 0;
  auto finish = [&]() -> absl::Status {
    if (conversations.empty()) return absl::OkStatus();
    const SetConversation& c = conversations.back();
    if (c.lang.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", c.line, ": conversation \"", c.id, "\" has no @lang"));
    }
    if (c.turns.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", c.line, ": conversation \"", c.id, "\" has no turns"));
    }
    return absl::OkStatus();
  };
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_number;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", line_number, ": ", why));
    };
    SetConversation* current = conversations.empty() ? nullptr : &conversations.back();
    SetConversation* target = current != nullptr ? current : &defaults;
    // Shopper turns keep their text whole (a '#' in it is text).
    if (line[0] == '>' || line[0] == '*' || line[0] == '!') {
      if (current == nullptr) return bad("a turn before any \"=== id\"");
      SetTurn turn;
      turn.line = line_number;
      turn.wait_minutes = pending_wait;
      pending_wait = 1;
      turn.input.set_channel(channel);
      turn.input.set_locale_hint(locale);
      absl::string_view rest = absl::StripLeadingAsciiWhitespace(line.substr(1));
      if (line[0] == '>') {
        turn.input.set_text(std::string(rest));
      } else if (line[0] == '*') {
        if (rest.empty()) return bad("a quick-reply pick needs a payload");
        turn.input.set_payload(std::string(rest));
      } else {
        std::vector<absl::string_view> parts = absl::StrSplit(rest, ' ', absl::SkipEmpty());
        if (parts.empty()) return bad("an event needs a kind");
        turn.input.mutable_event()->set_kind(std::string(parts[0]));
        for (size_t i = 1; i < parts.size(); ++i) {
          std::pair<std::string, std::string> kv =
              absl::StrSplit(parts[i], absl::MaxSplits('=', 1));
          (*turn.input.mutable_event()->mutable_param())[kv.first] = kv.second;
        }
      }
      current->turns.push_back(std::move(turn));
      continue;
    }
    // Everything else may end with a " # comment".
    if (size_t hash = line.find(" #"); hash != absl::string_view::npos) {
      line = absl::StripTrailingAsciiWhitespace(line.substr(0, hash));
    }
    size_t space = line.find_first_of(" \t");
    absl::string_view head = line.substr(0, space);
    absl::string_view rest =
        space == absl::string_view::npos ? "" : absl::StripAsciiWhitespace(line.substr(space));
    if (head == "===") {
      if (absl::Status s = finish(); !s.ok()) return s;
      if (rest.empty() || rest.find_first_of(" \t") != absl::string_view::npos) {
        return bad("\"=== id\": one id without spaces");
      }
      SetConversation c = defaults;
      c.id = std::string(rest);
      c.file = path;
      c.line = line_number;
      c.turns.clear();
      channel = default_channel;
      locale = default_locale;
      pending_wait = 1;
      conversations.push_back(std::move(c));
    } else if (head == "@store") {
      target->store = std::string(rest);
    } else if (head == "@lang") {
      if (rest.empty()) return bad("@lang needs a language");
      target->lang = std::string(rest);
    } else if (head == "@seed") {
      if (!absl::SimpleAtoi(rest, &target->seed)) return bad("@seed needs a number");
    } else if (head == "@tags") {
      target->tags = absl::StrSplit(rest, ' ', absl::SkipEmpty());
    } else if (head == "@channel") {
      (current != nullptr ? channel : default_channel) = std::string(rest);
    } else if (head == "@locale") {
      (current != nullptr ? locale : default_locale) = std::string(rest);
    } else if (head == "@wait") {
      if (current == nullptr) return bad("@wait outside a conversation");
      if (!absl::SimpleAtoi(rest, &pending_wait) || pending_wait < 0) {
        return bad("@wait needs minutes");
      }
    } else if (head[0] == '@') {
      return bad(absl::StrCat("unknown directive \"", head, "\""));
    } else {
      // An assertion, a label or an allowance of the last turn.
      if (current == nullptr || current->turns.empty()) {
        return bad(absl::StrCat("\"", head, "\" before any turn"));
      }
      SetTurn& turn = current->turns.back();
      if (head == "kind") {
        for (absl::string_view k : absl::StrSplit(rest, ' ', absl::SkipEmpty())) {
          turn.kinds.emplace_back(k);
        }
        if (turn.kinds.empty()) return bad("kind needs a label");
        continue;
      }
      if (head == "allow") {
        for (absl::string_view what : absl::StrSplit(rest, ' ', absl::SkipEmpty())) {
          if (what == "repeat") {
            turn.allow_repeat = true;
          } else if (what == "fallback") {
            turn.allow_fallback = true;
          } else {
            return bad(absl::StrCat("allow: \"", what, "\" is not repeat or fallback"));
          }
        }
        continue;
      }
      Assertion a;
      bool known = false;
      for (const KindName& k : kKindNames) {
        if (k.name == head) {
          a.kind = k.kind;
          known = true;
          break;
        }
      }
      if (!known) return bad(absl::StrCat("unknown assertion \"", head, "\""));
      a.line = line_number;
      a.text = std::string(line);
      if (std::string error = ParseAssertionArgs(rest, &a); !error.empty()) {
        return bad(absl::StrCat(head, ": ", error));
      }
      if (a.kind == Kind::kLang) turn.lang = a.values[0];
      if (a.kind == Kind::kSilent) turn.allow_silence = true;
      // Expecting the fallback lifts the default that forbids it.
      if (a.kind == Kind::kAct && !a.negated &&
          std::find(a.values.begin(), a.values.end(), kFallbackTemplate) != a.values.end()) {
        turn.allow_fallback = true;
      }
      turn.assertions.push_back(std::move(a));
    }
  }
  if (absl::Status s = finish(); !s.ok()) return s;
  return conversations;
}

absl::Status ValidateConversation(const SetConversation& conversation, const Engine& engine) {
  std::vector<std::string> errors;
  const Catalog* catalog = engine.catalog();
  const std::vector<std::string>& locales = engine.locales();
  auto known_lang = [&](const std::string& lang) {
    return std::find(locales.begin(), locales.end(), lang) != locales.end();
  };
  if (!known_lang(conversation.lang)) {
    errors.push_back(absl::StrCat(conversation.file, ":", conversation.line, ": @lang ",
                                  conversation.lang, " is not a locale of store ",
                                  engine.identity().name));
  }
  absl::flat_hash_set<std::string> intents;
  if (engine.intent_model() != nullptr) {
    for (const std::string& name : engine.intent_model()->intents()) intents.insert(name);
  }
  for (const SetTurn& turn : conversation.turns) {
    for (const Assertion& a : turn.assertions) {
      auto bad = [&](absl::string_view why) {
        errors.push_back(absl::StrCat(conversation.file, ":", a.line, ": ", a.text, ": ", why));
      };
      switch (a.kind) {
        case Kind::kIntent:
          for (const std::string& v : a.values) {
            if (!intents.contains(v)) bad(absl::StrCat("the store has no intent \"", v, "\""));
          }
          break;
        case Kind::kShows:
        case Kind::kShowsAny:
        case Kind::kHides:
          for (const std::string& id : a.values) {
            if (catalog == nullptr || !catalog->FindById(id)) {
              bad(absl::StrCat("no product \"", id, "\" in the catalog"));
            }
          }
          break;
        case Kind::kShownAll:
        case Kind::kShownNone:
        case Kind::kCartHas:
        case Kind::kCartLacks:
          if (catalog == nullptr) {
            bad("the store has no catalog");
          } else if (absl::StatusOr<ProductSet> set = catalog->Select(a.constraints); !set.ok()) {
            bad(set.status().message());
          } else if (a.kind != Kind::kShownNone && a.kind != Kind::kCartLacks && set->empty()) {
            bad("no product of the catalog satisfies it");
          }
          break;
        case Kind::kCartTotal:
          if (absl::StatusOr<Money> m = Money::Parse(a.total_decimal, engine.currency()); !m.ok()) {
            bad(m.status().message());
          }
          break;
        case Kind::kLang:
          if (!known_lang(a.values[0])) bad("not a locale of the store");
          break;
        default:
          break;
      }
    }
  }
  if (errors.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
}

}  // namespace chatcart::cli
