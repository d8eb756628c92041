// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/slot_filler.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart::dialogue {
namespace {

// Folded words that answer a yes/no question, in en, it and fr.
constexpr std::string_view kYesWords[] = {"yes",  "yeah",   "yep",      "y",   "ok",    "okay",
                                          "sure", "please", "sì",       "si",  "certo", "va",
                                          "oui",  "ouais",  "d'accord", "bien"};
constexpr std::string_view kNoWords[] = {"no",  "nope", "n",      "not", "don't",
                                         "non", "nah",  "niente", "pas"};
constexpr std::string_view kYesIntents[] = {"yes", "affirm", "confirm", "ok"};
constexpr std::string_view kNoIntents[] = {"no", "deny", "decline"};

template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

const Entity* FirstOfType(const Understanding& u, std::string_view type, int* index) {
  for (size_t i = 0; i < u.entities.size(); ++i) {
    if (u.entities[i].type == type) {
      *index = static_cast<int>(i);
      return &u.entities[i];
    }
  }
  return nullptr;
}

// False when `a` and `b` surely differ: their first letters are different
// ASCII letters (the common case, decided without a call).
inline bool MaybeSameWord(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() == b.empty();
  const unsigned char x = static_cast<unsigned char>(a[0]);
  const unsigned char y = static_cast<unsigned char>(b[0]);
  return x >= 0x80 || y >= 0x80 || absl::ascii_tolower(x) == absl::ascii_tolower(y);
}

// How a phrase's words are matched: as written, as the start of a longer
// word (5+ letters), or as written or in the plural.
enum class Match { kWhole, kPrefix, kPlural };

bool BeginsAWord(const std::vector<std::string>& words, std::string_view phrase);

// Whether `word` (folded, as said) is `phrase_word` or its plural: "shirts"
// for "shirt", "stivali" for "stivale", "scarpe" for "scarpa" (the ending
// vowel of an Italian noun of 4+ letters), accents ignored.
bool SameOrPlural(std::string_view word, std::string_view phrase_word) {
  if (text::EqualsIgnoringAccents(word, phrase_word)) return true;
  if (word.empty() || phrase_word.empty()) return false;
  const char last = word.back();
  if (word.size() == phrase_word.size() + 1 && (last == 's' || last == 'x')) {
    return text::EqualsIgnoringAccents(word.substr(0, phrase_word.size()), phrase_word);
  }
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o'; };
  if (phrase_word.size() >= 4 && word.size() == phrase_word.size() && vowel(last) &&
      vowel(phrase_word.back())) {
    return text::EqualsIgnoringAccents(word.substr(0, word.size() - 1),
                                       phrase_word.substr(0, phrase_word.size() - 1));
  }
  return false;
}

// Whether `phrase` (words separated by spaces or hyphens; case and accents
// ignored, so "expériences" is said by "experiences") occurs in `words`
// (folded), matched `how`. No allocation: this runs for every choice and
// synonym of a flow's slots on every turn.
bool HasPhrase(const std::vector<std::string>& words, std::string_view phrase, Match how) {
  if (how == Match::kPrefix) return BeginsAWord(words, phrase);
  for (size_t i = 0; i < words.size(); ++i) {
    size_t w = i;
    size_t pos = 0;
    bool match = true;
    while (match) {
      while (pos < phrase.size() && phrase[pos] == ' ') ++pos;
      if (pos == phrase.size()) break;
      // "t-shirt" is said as the words "t", "shirt".
      size_t end = phrase.find_first_of(" -", pos);
      if (end == std::string_view::npos) end = phrase.size();
      const std::string_view said = phrase.substr(pos, end - pos);
      match = w < words.size() && MaybeSameWord(words[w], said) &&
              (how == Match::kPlural ? SameOrPlural(words[w], said)
                                     : text::EqualsIgnoringAccents(words[w], said));
      ++w;
      pos = end;
      while (pos < phrase.size() && phrase[pos] == '-') ++pos;
    }
    if (match && w > i) return true;
  }
  return false;
}

// One word of 5+ letters also names a longer word it begins ("dessin" in
// "dessiner", "puzzle" in "puzzles").
bool BeginsAWord(const std::vector<std::string>& words, std::string_view phrase) {
  if (phrase.size() >= 5 && phrase.find(' ') == std::string_view::npos) {
    for (const std::string& word : words) {
      if (word.size() > phrase.size() && MaybeSameWord(word, phrase) &&
          text::EqualsIgnoringAccents(std::string_view(word).substr(0, phrase.size()), phrase)) {
        return true;
      }
    }
  }
  return false;
}

SlotValue ChoiceValue(const v1::Choice& choice, std::string display) {
  SlotValue value;
  value.type = SlotType::kChoice;
  value.text = choice.value();
  value.display = std::move(display);
  return value;
}

// The first two letters of the words said (ASCII, folded): a phrase whose
// first word begins with two letters no word begins with is not said, by
// whole words or as a word's beginning (checked once per phrase instead of
// once per word). Words with a non-ASCII byte among their first two may
// match anything (accents, combining marks).
struct FirstLetters {
  bool wild = false;
  bool single[128] = {};    // one-letter words
  uint64_t pairs[16] = {};  // 1,024-bit set of hashed first-two-letter pairs

  static unsigned Fold(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
    return c == '`' ? '\'' : c;
  }
  static unsigned Pair(unsigned char a, unsigned char b) {
    return (Fold(a) * 131 + Fold(b)) & 1023;
  }

  explicit FirstLetters(const std::vector<std::string>& words) {
    for (const std::string& word : words) {
      if (word.empty()) continue;
      const unsigned char x = static_cast<unsigned char>(word[0]);
      if (x >= 0x80) {
        wild = true;
      } else if (word.size() == 1) {
        single[Fold(x)] = true;
      } else if (const unsigned char y = static_cast<unsigned char>(word[1]); y >= 0x80) {
        wild = true;
      } else {
        const unsigned p = Pair(x, y);
        pairs[p / 64] |= uint64_t{1} << (p % 64);
      }
    }
  }

  // False when HasPhrase(words, phrase, either) is surely false.
  bool MaySay(std::string_view phrase) const {
    size_t pos = 0;
    while (pos < phrase.size() && phrase[pos] == ' ') ++pos;
    if (pos == phrase.size()) return false;  // no word: never said
    if (wild) return true;
    const unsigned char x = static_cast<unsigned char>(phrase[pos]);
    if (x >= 0x80) return true;
    if (pos + 1 == phrase.size() || phrase[pos + 1] == ' ' || phrase[pos + 1] == '-') {
      return single[Fold(x)];
    }
    const unsigned char y = static_cast<unsigned char>(phrase[pos + 1]);
    if (y >= 0x80) return true;
    const unsigned p = Pair(x, y);
    return (pairs[p / 64] >> (p % 64)) & 1;
  }
};

// The choice when `words` name it by its value or a synonym, displayed as
// said (for replies to echo): whole words first, then words they begin.
std::optional<SlotValue> ChoiceSaid(const v1::Choice& choice, const std::vector<std::string>& words,
                                    const FirstLetters& letters) {
  for (Match how : {Match::kWhole, Match::kPrefix, Match::kPlural}) {
    if (letters.MaySay(choice.value()) && HasPhrase(words, choice.value(), how)) {
      return ChoiceValue(choice, choice.value());
    }
    for (const std::string& synonym : choice.synonym()) {
      if (letters.MaySay(synonym) && HasPhrase(words, synonym, how)) {
        return ChoiceValue(choice, synonym);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

uint32_t QuickReplyTitleHash(std::string_view text) {
  uint32_t hash = 2166136261u;
  bool gap = false;
  bool any = false;
  for (unsigned char c : text) {
    if (c < 0x80 && !absl::ascii_isalnum(c)) {
      gap = any;
      continue;
    }
    if (gap) {
      hash = (hash ^ ' ') * 16777619u;
      gap = false;
    }
    hash = (hash ^ absl::ascii_tolower(c)) * 16777619u;
    any = true;
  }
  return hash;
}

std::optional<SlotValue> ProductByPronoun(const Understanding& u,
                                          const std::vector<std::string>& last_shown) {
  // Pronouns and demonstratives that point at "the product we are talking
  // about" in en/it/fr, including Italian clitic forms written as one word.
  static constexpr std::string_view kPointers[] = {
      "it",       "that",     "this",       "them",     "questo",     "quello",   "questa",
      "quella",   "lo",       "aggiungilo", "prendilo", "aggiungila", "prendila", "ça",
      "celui-ci", "celui-là", "celle-ci",   "celle-là", "ca"};
  if (last_shown.size() != 1) return std::nullopt;  // several shown: "it" is ambiguous
  for (const std::string& word : u.words) {
    if (std::find(std::begin(kPointers), std::end(kPointers), word) == std::end(kPointers))
      continue;
    SlotValue value;
    value.type = SlotType::kProduct;
    value.text = last_shown.front();
    value.display = word;
    return value;
  }
  return std::nullopt;
}

std::optional<SlotValue> MentionedChoice(const SlotSpec& slot, const Understanding& u,
                                         bool unwanted_too) {
  std::optional<SlotValue> found;
  // Not the words of what is not wanted ("ma nn troppo forte", "niente
  // lego"): a choice named there is no answer.
  std::vector<std::string> words;
  std::vector<std::string> unwanted;
  // Nor of what is wanted less of ("something less formal, loafers maybe").
  for (const converse::Act& act : u.acts) {
    if ((act.kind != converse::ActKind::kExclude && act.kind != converse::ActKind::kLessOf) ||
        unwanted_too) {
      continue;
    }
    for (absl::string_view w : absl::StrSplit(act.arg, ' ', absl::SkipEmpty())) {
      unwanted.emplace_back(w);
    }
  }
  for (const std::string& w : u.words) {
    if (std::find(unwanted.begin(), unwanted.end(), w) == unwanted.end()) words.push_back(w);
  }
  const FirstLetters letters(words);
  for (const v1::Choice& choice : slot.proto->choice()) {
    std::optional<SlotValue> value = ChoiceSaid(choice, words, letters);
    if (!value.has_value()) continue;
    if (!found.has_value()) {
      found = std::move(value);
      continue;
    }
    // "Sweet and nutty", "nere o blu": either will do.
    if (absl::StrContains(absl::StrCat(",", found->text, ","),
                          absl::StrCat(",", value->text, ","))) {
      continue;
    }
    absl::StrAppend(&found->text, ",", value->text);
    absl::StrAppend(&found->display, ", ", value->display);
  }
  return found;
}

std::optional<SlotValue> JoinedCompatibility(const Understanding& u) {
  SlotValue value;
  value.type = SlotType::kCompatibility;
  for (const Entity& e : u.entities) {
    if (e.type != "compatibility") continue;
    // One entity may carry a list ("iPhone and Android": "iphone,android").
    bool added = false;
    for (absl::string_view one :
         absl::StrSplit(e.value.text.empty() ? e.text : e.value.text, ',', absl::SkipEmpty())) {
      std::vector<absl::string_view> known = absl::StrSplit(value.text, ',', absl::SkipEmpty());
      if (std::find(known.begin(), known.end(), one) != known.end()) continue;
      if (!value.text.empty()) value.text += ",";
      absl::StrAppend(&value.text, one);
      added = true;
    }
    if (!added) continue;
    if (!value.display.empty()) value.display += ", ";
    value.display += e.text;
  }
  if (value.text.empty()) return std::nullopt;
  return value;
}

// Whether words ask what, which, how or how much ("quanto lo devo
// lasciare in infusione?"): a question about the products, not a request.
bool AsksWhat(const Understanding& u) {
  static constexpr std::string_view kWh[] = {
      "what",    "whats",   "which",   "how",    "hows",    "where",  "when",   "why",
      "cosa",    "che",     "quale",   "quali",  "qual",    "quanto", "quanta", "quanti",
      "quante",  "come",    "dove",    "quando", "quoi",    "quel",   "quelle", "quels",
      "quelles", "combien", "comment", "quand",  "pourquoi"};
  for (const std::string& w : u.words) {
    if (std::find(std::begin(kWh), std::end(kWh), w) != std::end(kWh)) return true;
  }
  return false;
}

bool SaysAlso(const Understanding& u) {
  static constexpr std::string_view kAlso[] = {"aussi", "also", "too", "anche", "pure"};
  for (const std::string& w : u.words) {
    if (std::find(std::begin(kAlso), std::end(kAlso), w) != std::end(kAlso)) return true;
  }
  return false;
}

std::string FindCode(std::string_view text, bool asked) {
  std::string last;
  for (absl::string_view word :
       absl::StrSplit(ToAbsl(text), absl::ByAnyChar(" \t,;:!?\"'()"), absl::SkipEmpty())) {
    word = absl::StripTrailingAsciiWhitespace(word);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.size() < 3 || word.size() > 24) continue;
    bool all_code_chars = true, digit = false, upper = true;
    for (char c : word) {
      unsigned char uc = static_cast<unsigned char>(c);
      if (!absl::ascii_isalnum(uc) && c != '-') all_code_chars = false;
      if (absl::ascii_isdigit(uc)) digit = true;
      if (absl::ascii_islower(uc)) upper = false;
    }
    if (!all_code_chars) continue;
    if (digit || (upper && word.size() >= 4)) return absl::AsciiStrToUpper(word);
    last = std::string(word);
  }
  return asked ? absl::AsciiStrToUpper(last) : "";
}

std::optional<std::pair<SlotValue, int>> ValueForAskedSlot(
    const SlotSpec& slot, std::string_view text, std::string_view payload, const Understanding& u,
    const std::vector<std::string>& last_shown, std::string_view currency) {
  int index = -1;
  auto from_entity = [&](std::string_view type) -> std::optional<std::pair<SlotValue, int>> {
    if (const Entity* e = FirstOfType(u, type, &index)) {
      SlotValue value = e->value;
      value.type = slot.type;
      if (value.display.empty()) value.display = e->text;
      return std::make_pair(value, index);
    }
    return std::nullopt;
  };
  switch (slot.type) {
    case SlotType::kMoney: {
      if (auto v = from_entity("money")) return v;
      // A bare number answering "what's your budget?" is the most to spend,
      // in major units of the store's currency.
      const Entity* e = FirstOfType(u, "number", &index);
      if (e == nullptr || e->value.number <= 0) return std::nullopt;
      absl::StatusOr<Money> unit = Money::Parse("1", currency);
      if (!unit.ok()) return std::nullopt;
      absl::StatusOr<Money> most = unit->Times(e->value.number);
      if (!most.ok()) return std::nullopt;
      SlotValue value;
      value.type = SlotType::kMoney;
      value.budget.kind = Budget::Kind::kUnder;
      value.budget.max = *most;
      value.display = e->text;
      return std::make_pair(value, index);
    }
    case SlotType::kAge:
      if (auto v = from_entity("age")) return v;
      if (const Entity* e = FirstOfType(u, "number", &index);
          e != nullptr && e->value.number >= 0 && e->value.number <= 120) {
        SlotValue value = e->value;
        value.type = SlotType::kAge;
        if (value.display.empty()) value.display = e->text;
        return std::make_pair(value, index);
      }
      return std::nullopt;
    case SlotType::kNumber:
    case SlotType::kQuantity:
      if (auto v = from_entity("quantity")) return v;
      return from_entity("number");
    case SlotType::kColour:
      return from_entity("colour");
    case SlotType::kSize: {
      // "EU 42" is the European 42; US and UK sizes stay as said (the
      // engine converts them where the catalog says its system).
      if (auto v = from_entity("size")) {
        if (v->first.text.starts_with("EU ")) v->first.text = v->first.text.substr(3);
        return v;
      }
      // A bare number answers "which size?" ("42", "ho il 42").
      if (const Entity* e = FirstOfType(u, "number", &index);
          e != nullptr && e->value.number > 0 && e->value.number < 60) {
        SlotValue value;
        value.type = SlotType::kSize;
        value.text = absl::StrCat(e->value.number);
        value.display = e->text;
        return std::make_pair(value, index);
      }
      return std::nullopt;
    }
    case SlotType::kBrand:
      return from_entity("brand");
    case SlotType::kCategory:
      return from_entity("category");
    case SlotType::kCompatibility: {
      std::optional<SlotValue> all = JoinedCompatibility(u);
      if (!all.has_value()) return std::nullopt;
      return std::make_pair(*all, -1);
    }
    case SlotType::kCode: {
      std::string code = FindCode(text, /*asked=*/true);
      if (code.empty()) return std::nullopt;
      SlotValue value;
      value.type = SlotType::kCode;
      value.text = code;
      value.display = code;
      return std::make_pair(value, -1);
    }
    case SlotType::kProduct: {
      if (auto v = from_entity("product")) return v;
      if (const Entity* e = FirstOfType(u, "ordinal", &index)) {
        int64_t n = e->value.number;
        if (n == -1) n = static_cast<int64_t>(last_shown.size());  // "the last one"
        if (n >= 1 && n <= static_cast<int64_t>(last_shown.size())) {
          SlotValue value;
          value.type = SlotType::kProduct;
          value.text = last_shown[n - 1];
          value.display = e->text;
          return std::make_pair(value, index);
        }
      }
      if (auto v = ProductByPronoun(u, last_shown)) return std::make_pair(*std::move(v), -1);
      return std::nullopt;
    }
    case SlotType::kChoice: {
      const FirstLetters letters(u.words);
      for (const v1::Choice& choice : slot.proto->choice()) {
        std::optional<SlotValue> value;
        if (payload.empty()) {
          value = ChoiceSaid(choice, u.words, letters);
        } else if (payload == choice.value()) {
          value = ChoiceValue(choice, choice.value());
        }
        if (value.has_value()) return std::make_pair(*std::move(value), -1);
      }
      return std::nullopt;
    }
    case SlotType::kYesNo: {
      std::optional<bool> yes;
      if (payload == "yes") yes = true;
      if (payload == "no") yes = false;
      if (!yes.has_value() && payload.empty()) {
        if (!u.out_of_scope && Contains(kYesIntents, u.intent)) yes = true;
        if (!u.out_of_scope && Contains(kNoIntents, u.intent)) yes = false;
        for (const std::string& word : u.words) {
          if (yes.has_value()) break;
          if (Contains(kNoWords, word)) yes = false;
          if (Contains(kYesWords, word)) yes = true;
        }
      }
      if (!yes.has_value()) return std::nullopt;
      SlotValue value;
      value.type = SlotType::kYesNo;
      value.yes = *yes;
      value.text = *yes ? "yes" : "no";
      value.display = payload.empty() ? std::string(text) : value.text;
      return std::make_pair(value, -1);
    }
    case SlotType::kText: {
      std::string trimmed(absl::StripAsciiWhitespace(ToAbsl(text)));
      if (trimmed.empty()) return std::nullopt;
      SlotValue value;
      value.type = SlotType::kText;
      value.text = trimmed;
      value.display = trimmed;
      return std::make_pair(value, -1);
    }
  }
  return std::nullopt;
}

bool SaysYes(const Understanding& u) {
  if (!u.out_of_scope && Contains(kYesIntents, u.intent)) return true;
  if (!u.out_of_scope && Contains(kNoIntents, u.intent)) return false;
  for (const std::string& word : u.words) {
    if (Contains(kNoWords, word)) return false;
    if (Contains(kYesWords, word)) return true;
  }
  return false;
}

std::optional<SlotType> UnaskedSlotType(std::string_view entity_type) {
  if (entity_type == "money") return SlotType::kMoney;
  if (entity_type == "age") return SlotType::kAge;
  if (entity_type == "colour") return SlotType::kColour;
  if (entity_type == "size") return SlotType::kSize;
  if (entity_type == "brand") return SlotType::kBrand;
  if (entity_type == "category") return SlotType::kCategory;
  if (entity_type == "compatibility") return SlotType::kCompatibility;
  if (entity_type == "quantity") return SlotType::kQuantity;
  if (entity_type == "product") return SlotType::kProduct;
  return std::nullopt;
}

std::optional<SlotValue> SlotValueFromLiteral(SlotType type, std::string_view literal,
                                              std::string_view currency) {
  SlotValue value;
  value.type = type;
  value.display = std::string(literal);
  switch (type) {
    case SlotType::kNumber:
    case SlotType::kQuantity:
    case SlotType::kAge:
      if (!absl::SimpleAtoi(ToAbsl(literal), &value.number)) return std::nullopt;
      return value;
    case SlotType::kYesNo:
      if (literal != "yes" && literal != "no") return std::nullopt;
      value.yes = literal == "yes";
      value.text = std::string(literal);
      return value;
    case SlotType::kMoney: {
      absl::StatusOr<Money> max = Money::Parse(literal, currency);
      if (!max.ok()) return std::nullopt;
      value.budget.kind = Budget::Kind::kUnder;
      value.budget.max = *max;
      return value;
    }
    default:
      value.text = std::string(literal);
      return value;
  }
}

TemplateArg SlotArg(const std::string& name, const SlotValue& value) {
  if (value.any) return {name, value.display};
  switch (value.type) {
    case SlotType::kNumber:
    case SlotType::kQuantity:
    case SlotType::kAge:
      return {name, value.number};
    default:
      return {name, value.display.empty() ? value.text : value.display};
  }
}

std::optional<ConditionValue> SlotConditionValue(const SlotValue& value, std::string_view field) {
  if (value.any) return std::string("any");  // known, and compares with nothing else
  switch (value.type) {
    case SlotType::kNumber:
    case SlotType::kQuantity:
    case SlotType::kAge:
      return value.number;
    case SlotType::kYesNo:
      return value.yes;
    case SlotType::kMoney:
      if (field == "min") {
        if (value.budget.min.has_value()) return *value.budget.min;
        return std::nullopt;
      }
      if (value.budget.max.has_value()) return *value.budget.max;
      if (value.budget.min.has_value()) return *value.budget.min;
      return std::nullopt;
    default:
      return value.text;
  }
}

}  // namespace chatcart::dialogue
