// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// EntityExtractor (include/chatcart/entities.h). One pass tokenizes the text
// (symbols kept), then each recogniser claims token ranges in a fixed order:
// money, ages, sizes, devices, lexicon phrases, colours, ordinals, and last
// the numbers nobody took (quantities when cued). A claimed token is never
// claimed again, so entities do not overlap.

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "chatcart/entities.h"
#include "chatcart/money.h"
#include "common/strings.h"
#include "intent/entity_scan.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/stem.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace chatcart {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kMoney:
      return "money";
    case EntityType::kNumber:
      return "number";
    case EntityType::kQuantity:
      return "quantity";
    case EntityType::kOrdinal:
      return "ordinal";
    case EntityType::kAge:
      return "age";
    case EntityType::kColour:
      return "colour";
    case EntityType::kSize:
      return "size";
    case EntityType::kCompatibility:
      return "compatibility";
    case EntityType::kCategory:
      return "category";
    case EntityType::kBrand:
      return "brand";
    case EntityType::kProduct:
      return "product";
  }
  return "unknown";
}

std::string_view MoneyKindName(MoneyKind kind) {
  switch (kind) {
    case MoneyKind::kExact:
      return "exact";
    case MoneyKind::kUnder:
      return "under";
    case MoneyKind::kOver:
      return "over";
    case MoneyKind::kBetween:
      return "between";
    case MoneyKind::kAround:
      return "around";
  }
  return "exact";
}

struct EntityExtractor::Rep {
  intent::ExtractorState state;
};

namespace {

using intent::Decimal;
using intent::Role;
using intent::Scan;
using intent::ScannedNumber;
using intent::Tok;
using intent::WordRole;
using text::Language;
using text::TokenKind;

class Extraction {
 public:
  Extraction(Scan& scan, const intent::ExtractorState& state, std::vector<Entity>* out)
      : scan_(scan), state_(state), out_(out), emitter_(scan, out) {}

  void Run() {
    ForEach([&](size_t i) { return intent::ExtractMoney(scan_, state_, i, emitter_); });
    ForEach([&](size_t i) { return Age(i); });
    ForEach([&](size_t i) { return Size(i); });
    ForEach([&](size_t i) { return Compatibility(i); });
    ForEach([&](size_t i) { return LexiconPhrase(i); });
    ForEach([&](size_t i) { return Colour(i); });
    ForEach([&](size_t i) { return BuiltinCategory(i); });
    ForEach([&](size_t i) { return Ordinal(i); });
    ForEach([&](size_t i) { return PlainNumber(i); });
    std::sort(out_->begin(), out_->end(),
              [](const Entity& a, const Entity& b) { return a.start < b.start; });
  }

 private:
  // Runs `try_at` at every unclaimed token; it returns the tokens it took.
  template <typename F>
  void ForEach(F try_at) {
    for (size_t i = 0; i < scan_.size();) {
      const size_t took = scan_.used(i) ? 0 : try_at(i);
      i += took > 0 ? took : 1;
    }
  }

  Entity& Emit(EntityType type, size_t first, size_t last, double confidence) {
    return emitter_.Emit(type, first, last, confidence);
  }

  // ---------------------------------------------------------------- ages

  size_t Age(size_t i) {
    size_t len = 0;
    // "aged 6", "age 6", "età 6 anni".
    if (scan_.RoleAt(i, Role::kAgePrefix, &len) != nullptr) {
      if (std::optional<ScannedNumber> n = scan_.NumberAt(i + len, false)) {
        size_t last = n->last;
        std::string unit = "years";
        size_t ulen = 0;
        if (const WordRole* u = scan_.RoleAt(last + 1, Role::kAgeYears, &ulen)) {
          last += ulen;
        } else if ((u = scan_.RoleAt(last + 1, Role::kAgeMonths, &ulen)) != nullptr) {
          last += ulen;
          unit = "months";
        }
        return EmitAge(i, last, n->value.ToDouble(), unit, 0.9);
      }
    }
    std::optional<ScannedNumber> n = scan_.NumberAt(i, true);
    if (!n.has_value()) return 0;
    const double value = n->value.ToDouble();
    if (value <= 0 || value > 120) return 0;
    // "6yo", "6y".
    if (n->suffix == "yo" || n->suffix == "y" || n->suffix == "yrs" || n->suffix == "yr" ||
        n->suffix == "anni" || n->suffix == "ans") {
      return EmitAge(i, n->last, value, "years", 0.9);
    }
    if (!n->suffix.empty()) return 0;
    size_t last = Hyphen(n->last);  // "6-year-old"
    std::string unit;
    if (scan_.RoleAt(last + 1, Role::kAgeYears, &len) != nullptr) {
      unit = "years";
    } else if (scan_.RoleAt(last + 1, Role::kAgeMonths, &len) != nullptr) {
      unit = "months";
    } else {
      return 0;
    }
    const bool yo = scan_.tok(last + 1).bare == "yo" || scan_.tok(last + 1).bare == "y";
    last += len;
    const bool old = scan_.RoleAt(Hyphen(last) + 1, Role::kAgeOld, nullptr) != nullptr;
    if (old) last = Hyphen(last) + 1;
    // English needs "old" ("a 6 year old"; "6 years" may be a warranty);
    // "anni", "ans" and "yo" say age by themselves.
    if (scan_.language() == Language::kEnglish && !old && !yo) return 0;
    return EmitAge(i, last, value, unit, old || yo ? 0.95 : 0.85);
  }

  // k + 1 when token k + 1 is an unclaimed hyphen, else k.
  size_t Hyphen(size_t k) const {
    return !scan_.used(k + 1) && scan_.tok(k + 1).kind == TokenKind::kSymbol &&
                   scan_.tok(k + 1).bare == "-"
               ? k + 1
               : k;
  }

  size_t EmitAge(size_t first, size_t last, double value, const std::string& unit,
                 double confidence) {
    Entity& e = Emit(EntityType::kAge, first, last, confidence);
    e.number = value;
    e.detail = unit;
    return last - first + 1;
  }

  // ---------------------------------------------------------------- sizes

  size_t Size(size_t i) {
    size_t len = 0;
    const Tok& t = scan_.tok(i);
    if (const WordRole* r = scan_.RoleAt(i, Role::kSizeLetter, &len)) {
      return EmitSize(i, i + len - 1, r->value, "letter", 0.9);
    }
    // "32x30", "w32 l30".
    if (t.kind == TokenKind::kAlnum) {
      const std::string& b = t.bare;
      const size_t x = b.find('x');
      if (x == 2 && b.size() == 5 && IsDigits(b.substr(0, 2)) && IsDigits(b.substr(3))) {
        return EmitSize(i, i, b, "waist_length", 0.9);
      }
      if (b.size() == 3 && b[0] == 'w' && IsDigits(b.substr(1)) && i + 1 < scan_.size() &&
          scan_.tok(i + 1).bare.size() == 3 && scan_.tok(i + 1).bare[0] == 'l' &&
          IsDigits(scan_.tok(i + 1).bare.substr(1)) && !scan_.used(i + 1)) {
        return EmitSize(i, i + 1, b.substr(1) + "x" + scan_.tok(i + 1).bare.substr(1),
                        "waist_length", 0.9);
      }
    }
    // "size M", "taglia 42", "pointure 38", "size EU 42".
    if (const WordRole* cue = scan_.RoleAt(i, Role::kSizeCue, &len)) {
      size_t j = i + len;
      std::string system = cue->value;
      size_t slen = 0;
      if (const WordRole* s = scan_.RoleAt(j, Role::kSizeSystem, &slen)) {
        system = s->value;
        j += slen;
      }
      if (const WordRole* w = scan_.RoleAt(j, Role::kSizeWord, &slen);
          w != nullptr && !scan_.used(j)) {
        return EmitSize(i, j + slen - 1, w->value, "letter", 0.9);
      }
      if (const WordRole* w = scan_.RoleAt(j, Role::kSizeLetter, &slen);
          w != nullptr && !scan_.used(j)) {
        return EmitSize(i, j + slen - 1, w->value, "letter", 0.95);
      }
      if (std::optional<ScannedNumber> n = scan_.NumberAt(j, false); n.has_value() && !n->words) {
        return EmitSize(i, n->last, DecimalText(n->value), system, 0.9);
      }
      return 0;
    }
    // "EU 42", "US 9.5" (a shoe size range, so "us 2" is not one).
    if (const WordRole* s = scan_.RoleAt(i, Role::kSizeSystem, &len)) {
      if (std::optional<ScannedNumber> n = scan_.NumberAt(i + len, false);
          n.has_value() && !n->words && ShoeSize(n->value.ToDouble())) {
        return EmitSize(i, n->last, DecimalText(n->value), s->value, 0.85);
      }
      return 0;
    }
    // "42 EU".
    if (std::optional<ScannedNumber> n = scan_.NumberAt(i, false);
        n.has_value() && !n->words && ShoeSize(n->value.ToDouble())) {
      if (const WordRole* s = scan_.RoleAt(n->last + 1, Role::kSizeSystem, &len)) {
        return EmitSize(i, n->last + len, DecimalText(n->value), s->value, 0.85);
      }
    }
    return 0;
  }

  static bool ShoeSize(double v) { return v >= 3 && v <= 52; }
  static bool IsDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  static std::string DecimalText(const Decimal& d) {
    std::string digits = std::to_string(d.mantissa);
    if (d.scale == 0) return digits;
    while (static_cast<int>(digits.size()) <= d.scale) digits.insert(0, "0");
    digits.insert(digits.size() - d.scale, ".");
    return digits;
  }

  size_t EmitSize(size_t first, size_t last, const std::string& value, const std::string& system,
                  double confidence) {
    Entity& e = Emit(EntityType::kSize, first, last, confidence);
    e.value = value;
    e.detail = system;
    return last - first + 1;
  }

  // ---------------------------------------------------------------- devices

  size_t Compatibility(size_t i) {
    size_t len = 0;
    const WordRole* device = scan_.RoleAt(i, Role::kDevice, &len);
    if (device == nullptr) return 0;
    // A cue within the three words before: "for an iPhone", "works with
    // Android", "compatible avec mon Galaxy", "ho un iPhone".
    bool cued = false;
    for (size_t back = 1; back <= 3 && back <= i && !cued; ++back) {
      cued = scan_.RoleAt(i - back, Role::kCompatCue, nullptr) != nullptr;
    }
    if (!cued) return 0;
    size_t last = i + len - 1;
    std::string model;
    for (size_t k = last + 1; k < scan_.size() && k <= last + 3 && !scan_.used(k); ++k) {
      const Tok& t = scan_.tok(k);
      const bool short_code =
          (t.kind == TokenKind::kNumber || t.kind == TokenKind::kAlnum) && t.bare.size() <= 5;
      if (!short_code && scan_.RoleAt(k, Role::kModelWord, nullptr) == nullptr) break;
      if (!model.empty()) model += ' ';
      model += t.bare;
      last = k;
    }
    Entity& e = Emit(EntityType::kCompatibility, i, last, 0.9);
    e.value = device->value;
    e.detail = model;
    return last - i + 1;
  }

  // ---------------------------------------------------------------- lexicon

  size_t LexiconPhrase(size_t i) {
    if (state_.lexicon.empty()) return 0;
    std::vector<intent::LexWord>& words = scan_.lex_words();
    for (size_t k = 0; k < words.size(); ++k) words[k].usable = !scan_.used(k);
    std::optional<intent::LexMatch> m = state_.lexicon.MatchAt(words, i, scan_.language());
    if (!m.has_value()) return 0;
    const LexiconEntry& entry = state_.options.lexicon[m->entry];
    Entity& e = Emit(entry.type, i, i + m->length - 1, m->confidence);
    e.value = entry.value;
    return m->length;
  }

  // ---------------------------------------------------------------- colours, categories

  size_t Colour(size_t i) {
    size_t len = 0;
    const WordRole* r = scan_.RoleAt(i, Role::kColour, &len);
    if (r == nullptr || scan_.AnyUsed(i, i + len - 1)) return 0;
    Entity& e = Emit(EntityType::kColour, i, i + len - 1, 0.9);
    e.value = r->value;
    return len;
  }

  size_t BuiltinCategory(size_t i) {
    size_t len = 0;
    const WordRole* r = scan_.RoleAt(i, Role::kCategory, &len);
    if (r == nullptr || scan_.AnyUsed(i, i + len - 1)) return 0;
    Entity& e = Emit(EntityType::kCategory, i, i + len - 1, 0.8);
    e.value = r->value;
    return len;
  }

  // ---------------------------------------------------------------- ordinals, numbers

  size_t Ordinal(size_t i) {
    const Tok& t = scan_.tok(i);
    if (t.kind == TokenKind::kAlnum) {
      std::optional<ScannedNumber> n = scan_.NumberAt(i, true);
      static constexpr std::string_view kSuffixes[] = {"st", "nd",  "rd",  "th", "er", "re",
                                                       "e",  "eme", "ere", "o",  "a"};
      if (n.has_value() && n->value.scale == 0 && n->value.mantissa > 0 &&
          n->value.mantissa < 1000 &&
          std::find(std::begin(kSuffixes), std::end(kSuffixes), n->suffix) != std::end(kSuffixes)) {
        Entity& e = Emit(EntityType::kOrdinal, i, i, 0.9);
        e.number = static_cast<double>(n->value.mantissa);
        return 1;
      }
      return 0;
    }
    size_t len = 0;
    const WordRole* r = scan_.RoleAt(i, Role::kOrdinal, &len);
    if (r == nullptr) return 0;
    // Word ordinals need an article before them ("the second one", "la
    // seconda", "le dernier"): "second" alone is often a noun.
    const bool article = i > 0 && scan_.RoleAt(i - 1, Role::kArticle, nullptr) != nullptr;
    if (!article) return 0;
    // "the second one", "il secondo": the "one" belongs to the ordinal.
    size_t last = i + len - 1;
    if (!scan_.used(last + 1)) {
      const std::string_view next = scan_.tok(last + 1).bare;
      if (next == "one" || next == "ones" || next == "uno" || next == "una") ++last;
    }
    Entity& e = Emit(EntityType::kOrdinal, i, last, 0.85);
    e.number = r->number;
    return last - i + 1;
  }

  size_t PlainNumber(size_t i) {
    std::optional<ScannedNumber> n = scan_.NumberAt(i, true);
    if (!n.has_value()) return 0;
    size_t first = i, last = n->last;
    bool quantity = false;
    if (!n->suffix.empty()) {
      if (n->suffix != "x") return 0;  // "2x"
      quantity = true;
    }
    size_t len = 0;
    // "x2": an alnum token starting with x is not a number token; handled
    // by the quantity cue before ("x 2").
    if (scan_.RoleAt(last + 1, Role::kQuantityAfter, &len) != nullptr && !scan_.used(last + 1)) {
      quantity = true;
      if (scan_.tok(last + 1).bare == "x") last += len;  // "2 x"
    }
    if (i > 0 && scan_.RoleAt(i - 1, Role::kQuantityBefore, nullptr) != nullptr) {
      quantity = true;
      if (scan_.tok(i - 1).bare == "x" && !scan_.used(i - 1)) first = i - 1;
    }
    if (n->words) {
      // "a dozen", "un paio", "une paire": counted things.
      const std::string_view w = scan_.tok(n->last).bare;
      if (w == "dozen" || w == "dozzina" || w == "douzaine" || w == "couple" || w == "pair" ||
          w == "paio" || w == "paire") {
        quantity = true;
      }
    }
    // Followed by a product, brand or category: "2 printers".
    for (const Entity& e : *out_) {
      if (e.start >= scan_.tok(last).end && last + 1 < scan_.size() &&
          e.start == scan_.tok(last + 1).begin &&
          (e.type == EntityType::kCategory || e.type == EntityType::kProduct ||
           e.type == EntityType::kBrand || e.type == EntityType::kColour)) {
        quantity = true;
      }
    }
    // Ids and prices are no quantities.
    if (n->value.scale != 0 || n->value.mantissa > 9999) {
      quantity = false;
      first = i;
      last = n->last;
    }
    Entity& e = Emit(quantity ? EntityType::kQuantity : EntityType::kNumber, first, last,
                     quantity ? 0.85 : 0.9);
    e.number = n->value.ToDouble();
    return last - i + 1;
  }

  Scan& scan_;
  const intent::ExtractorState& state_;
  std::vector<Entity>* out_;
  intent::Emitter emitter_;
};

}  // namespace

EntityExtractor::EntityExtractor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
EntityExtractor::~EntityExtractor() = default;

absl::StatusOr<std::shared_ptr<const EntityExtractor>> EntityExtractor::Create(
    const EntityExtractorOptions& options) {
  auto rep = std::make_unique<Rep>();
  intent::ExtractorState& state = rep->state;
  state.options = options;
  absl::StatusOr<int> exponent = CurrencyExponent(options.currency);
  if (!exponent.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("entity options: store currency: ", exponent.status().message()));
  }
  state.currency_exponent = *exponent;
  static constexpr std::string_view kDollars[] = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD"};
  state.store_dollar =
      std::find(std::begin(kDollars), std::end(kDollars), options.currency) != std::end(kDollars);
  if (options.max_text_chars == 0) {
    return absl::InvalidArgumentError("entity options: max_text_chars must be positive");
  }
  for (size_t i = 0; i < options.lexicon.size(); ++i) {
    const LexiconEntry& entry = options.lexicon[i];
    if (entry.type != EntityType::kCategory && entry.type != EntityType::kBrand &&
        entry.type != EntityType::kProduct) {
      return absl::InvalidArgumentError(
          absl::StrCat("lexicon entry ", i, " (\"", entry.phrase, "\"): type ",
                       ToAbsl(EntityTypeName(entry.type)), " is not category, brand or product"));
    }
    if (text::Tokenize(entry.phrase).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("lexicon entry ", i, ": phrase \"", entry.phrase, "\" has no words"));
    }
    uint8_t languages = 0;
    if (entry.language.empty()) {
      languages = 0x7;
    } else if (std::optional<Language> l = text::ParseLanguage(entry.language)) {
      languages = static_cast<uint8_t>(1 << static_cast<int>(*l));
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("lexicon entry ", i, ": unknown language \"", entry.language, "\""));
    }
    state.lexicon.Add(entry.phrase, static_cast<int>(i), languages);
  }
  state.lexicon.Build(options.fuzzy);
  return std::shared_ptr<const EntityExtractor>(new EntityExtractor(std::move(rep)));
}

std::vector<Entity> EntityExtractor::Extract(std::string_view text,
                                             std::string_view language) const {
  std::vector<Entity> out;
  Extract(text, language, &out);
  return out;
}

void EntityExtractor::Extract(std::string_view text, std::string_view language,
                              std::vector<Entity>* out) const {
  out->clear();
  text = text.substr(0, text::Utf8PrefixBytes(text, rep_->state.options.max_text_chars));
  const Language lang = text::ParseLanguage(language).value_or(Language::kEnglish);
  thread_local std::vector<text::Token> tokens;
  text::Tokenize(text, {.keep_symbols = true}, &tokens);
  if (tokens.empty()) return;
  Scan scan(tokens, lang);
  if (!rep_->state.lexicon.empty()) {
    text::Stemmer& stemmer = text::ThreadLocalStemmer(lang);
    thread_local std::vector<std::string> stems;
    stems.resize(tokens.size());
    std::vector<intent::LexWord>& words = scan.lex_words();
    for (size_t i = 0; i < tokens.size(); ++i) {
      stems[i] = tokens[i].kind == TokenKind::kWord ? std::string(stemmer.Stem(words[i].bare))
                                                    : std::string(words[i].bare);
      words[i].stem = stems[i];
    }
  }
  Extraction(scan, rep_->state, out).Run();
}

const EntityExtractorOptions& EntityExtractor::options() const { return rep_->state.options; }

}  // namespace chatcart
