// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/size.h"

#include <algorithm>
#include <optional>
#include <string>

namespace chatcart::entities {
namespace {

using text::Language;

void AddValued(LexiconBuilder* lx, std::initializer_list<std::string_view> words, uint64_t role,
               std::string_view value) {
  const int32_t id = lx->Value(value);
  for (std::string_view w : words) {
    lx->Add(w, [id, role](WordInfo& info) {
      info.roles |= role;
      info.value = id;
    });
  }
}

// A whole number in [lo, hi].
bool InRange(const Decimal& d, int64_t lo, int64_t hi) {
  std::optional<int64_t> v = d.Integer();
  return v.has_value() && *v >= lo && *v <= hi;
}

// A plausible clothing or shoe size number: up to 60, at most one decimal
// that is .5 ("9.5", "38,5"), or a whole number.
bool SizeNumber(const Decimal& d) {
  const Decimal n = d.Normalized();
  if (n.scale == 0) return n.mantissa > 0 && n.mantissa <= 60;
  return n.scale == 1 && n.mantissa % 10 == 5 && n.mantissa <= 600;
}

bool BesideApostrophe(const Scan& scan, const Unit& u) {
  auto is_apostrophe_at = [&](size_t pos) {
    if (pos >= scan.text.size()) return false;
    if (scan.text[pos] == '\'' || scan.text[pos] == '`') return true;
    return scan.text.substr(pos, 3) == "\xE2\x80\x99";  // ’
  };
  if (is_apostrophe_at(u.end)) return true;
  if (u.begin >= 1 && (scan.text[u.begin - 1] == '\'' || scan.text[u.begin - 1] == '`')) {
    return true;
  }
  return u.begin >= 3 && scan.text.substr(u.begin - 3, 3) == "\xE2\x80\x99";
}

class SizeFinder {
 public:
  SizeFinder(const Scan& scan, std::vector<Candidate>* out) : scan_(scan), out_(out) {}

  void Run() {
    const int n = static_cast<int>(scan_.units.size());
    for (int i = 0; i < n; ++i) {
      const Unit& u = scan_.units[static_cast<size_t>(i)];
      if (u.Has(kSizeCue)) {
        Cued(i);
        continue;
      }
      if (Waist(i)) continue;
      if (System(i)) continue;
      if (AfterShoeWord(i)) continue;
      if (Either(i)) {
        i += 2;
        continue;
      }
      Letters(i);
    }
  }

 private:
  void Emit(uint32_t begin, uint32_t end, std::string value, double confidence) {
    Candidate& c = out_->emplace_back();
    c.type = EntityType::kSize;
    c.begin = begin;
    c.end = end;
    c.value = std::move(value);
    c.confidence = confidence;
    c.priority = kPrioritySize;
  }

  // Whether a size or shoe word is within 3 units of i.
  bool NearSizeWord(int i) const {
    for (int k = std::max(0, i - 3); k <= i + 3; ++k) {
      if (scan_.Has(k, kSizeCue | kShoeWord)) return true;
    }
    return false;
  }

  // "EU", "US" or "UK" at unit i (US/UK need capitals or a size word nearby).
  std::optional<std::string> SystemAt(int i) const {
    const Unit* u = scan_.at(i);
    if (u == nullptr || !u->Has(kSizeSystem)) return std::nullopt;
    const std::string& name = scan_.lexicon->value(u->info->value);
    if (name != "EU" && scan_.Original(*u) != name && !NearSizeWord(i)) return std::nullopt;
    return name;
  }

  static std::string LetterValue(const Unit& u, const Lexicon& lexicon) {
    if (u.has_number && u.suffix == Affix::kSizeLetter) {  // "2xl", "3xl"
      const int64_t n = u.number.Integer().value_or(0);
      std::string letters(u.text.substr(u.text.find_first_not_of("0123456789")));
      for (char& c : letters) c = static_cast<char>(c - 'a' + 'A');
      if (n < 2 || n > 6 || (letters != "XL" && letters != "XS")) return {};
      if (n <= 3) return std::string(static_cast<size_t>(n - 1), 'X') + letters;
      return std::to_string(n) + letters;
    }
    if (u.Has(kSizeLetter)) return lexicon.value(u.info->value);
    return {};
  }

  // "size M", "taglia 42", "pointure 38,5", "size 9 US", "size EU 42".
  void Cued(int i) {
    const Unit& cue = scan_.units[static_cast<size_t>(i)];
    int j = i + 1;
    // "I wear a medium", "size in M": one article or "in" between.
    if (const Unit* a = scan_.at(j);
        a != nullptr &&
        (a->article || a->text == "in" || a->text == "the" || a->text == "il" || a->text == "la" ||
         a->text == "le" || a->text == "du" || a->text == "en") &&
        scan_.at(j + 1)) {
      const Unit* b = scan_.at(j + 1);
      if (b->Has(kSizeLetter | kSizeWord) || (cue.Has(kSizeCue) && b->PlainNumber())) ++j;
    }
    if (scan_.at(j) == nullptr) return;
    // "size M" is said with its cue; "I wear a medium" is "medium".
    uint32_t begin = cue.Has(kSizeVerb) ? scan_.at(j)->begin : cue.begin;
    std::optional<std::string> system = SystemAt(j);
    if (system.has_value()) {
      ++j;
    } else if (!cue.Has(kSizeVerb) && (system = SystemAt(i - 1)).has_value()) {
      begin = scan_.at(i - 1)->begin;  // "US size 10"
    }
    const Unit* u = scan_.at(j);
    if (u == nullptr) return;
    if (!system.has_value()) {
      if (std::string letters = LetterValue(*u, *scan_.lexicon); !letters.empty()) {
        Emit(begin, u->end, letters, 0.95);
        return;
      }
      if (u->Has(kSizeWord)) {
        Emit(begin, u->end, scan_.lexicon->value(u->info->value), 0.9);
        return;
      }
      if (u->has_number && u->suffix == Affix::kByNumber) {
        Waist(j);
        return;
      }
    }
    if (!u->PlainNumber() || u->article || !SizeNumber(u->number)) return;
    // "porto il 42", "je chausse du 38"; "porto 2 amici" is no size.
    if (cue.Has(kSizeVerb) && scan_.language != Language::kEnglish &&
        !InRange(u->number, 16, 60) && u->number.Normalized().scale == 0) {
      return;
    }
    // Italian "numero 2" is an ordinal, and "n 3" a count: "n 37", "nr 42"
    // (shoe sizes, 11 to 60) are sizes.
    if ((cue.text == "numero" || cue.text == "n" || cue.text == "nr" || cue.text == "num") &&
        !InRange(u->number, 11, 60) && u->number.Normalized().scale == 0) {
      return;
    }
    // "waist 34 length 32", "waist 34 inseam 30".
    if (cue.text == "waist" && !system.has_value() && InRange(u->number, 20, 60)) {
      const Unit* word = scan_.at(j + 1);
      const Unit* length = scan_.at(j + 2);
      if (word != nullptr &&
          (word->text == "length" || word->text == "inseam" || word->text == "leg") &&
          length != nullptr && length->PlainNumber() && InRange(length->number, 20, 40)) {
        Emit(begin, length->end, u->number.ToString() + "x" + length->number.ToString(), 0.9);
        return;
      }
    }
    uint32_t end = u->end;
    if (!system.has_value()) {
      system = SystemAt(j + 1);
      if (system.has_value()) end = scan_.at(j + 1)->end;
    }
    // "taglia 38 o 39", "size 10 or 11 US": a second number after "or".
    const Unit* joiner = scan_.at(system.has_value() && end != u->end ? j + 2 : j + 1);
    const int k = system.has_value() && end != u->end ? j + 3 : j + 2;
    const Unit* second = scan_.at(k);
    if (joiner != nullptr && second != nullptr && !joiner->phrase &&
        (joiner->text == "or" || joiner->text == "o" || joiner->text == "ou" ||
         joiner->text == "and" || joiner->text == "e" || joiner->text == "et" ||
         joiner->IsSymbol("/")) &&
        second->PlainNumber() && !second->article && SizeNumber(second->number)) {
      std::optional<std::string> second_system = SystemAt(k + 1);
      if (!system.has_value() && second_system.has_value()) system = second_system;
      const std::string prefix = system.has_value() ? *system + " " : "";
      Emit(begin, end, prefix + u->number.ToString(), 0.95);
      Emit(second->begin, second_system.has_value() ? scan_.at(k + 1)->end : second->end,
           prefix + second->number.ToString(), 0.9);
      return;
    }
    Emit(begin, end,
         system.has_value() ? *system + " " + u->number.ToString() : u->number.ToString(), 0.95);
  }

  // "scarpe 39", "mocassini donna 38", "running shoes 42": a shoe size right
  // after a shoe word (one word between at most), not a price.
  bool AfterShoeWord(int i) {
    const Unit& u = scan_.units[static_cast<size_t>(i)];
    if (!u.PlainNumber() || u.article || u.number_words || !InRange(u.number, 16, 50)) {
      return false;
    }
    const bool shoe = scan_.Has(i - 1, kShoeWord) ||
                      (scan_.Has(i - 2, kShoeWord) && scan_.at(i - 1)->kind == text::TokenKind::kWord &&
                       !scan_.at(i - 1)->Has(kBudgetPrefix | kNumberWord | kSizeCue));
    if (!shoe) return false;
    const Unit* next = scan_.at(i + 1);
    if (next != nullptr && (next->Has(kCurrency | kMeasureUnit | kThousands | kMinorUnit |
                                      kQuantityNoun | kBudgetPostfix) ||
                            next->IsDash())) {
      return false;
    }
    Emit(u.begin, u.end, u.number.ToString(), 0.8);
    return true;
  }

  // "32x30", "32 x 30", "W32 L30".
  bool Waist(int i) {
    const Unit& u = scan_.units[static_cast<size_t>(i)];
    auto fits = [](const Decimal& d) { return InRange(d, 20, 60); };
    if (u.has_number && u.suffix == Affix::kByNumber && u.prefix == Affix::kNone) {
      if (!fits(u.number) || !InRange(u.second, 20, 40)) return false;
      Emit(u.begin, u.end, u.number.ToString() + "x" + u.second.ToString(), 0.9);
      return true;
    }
    const Unit* x = scan_.at(i + 1);
    const Unit* l = scan_.at(i + 2);
    if (u.PlainNumber() && fits(u.number) && x != nullptr && x->text == "x" && !x->phrase &&
        l != nullptr && l->PlainNumber() && InRange(l->number, 20, 40)) {
      Emit(u.begin, l->end, u.number.ToString() + "x" + l->number.ToString(), 0.9);
      return true;
    }
    if (u.has_number && u.prefix == Affix::kWaist && fits(u.number) && x != nullptr &&
        x->has_number && x->prefix == Affix::kLength && InRange(x->number, 20, 40)) {
      Emit(u.begin, x->end, u.number.ToString() + "x" + x->number.ToString(), 0.9);
      return true;
    }
    return false;
  }

  // "EU 42", "42 EU", "eu42".
  bool System(int i) {
    const Unit& u = scan_.units[static_cast<size_t>(i)];
    if (u.has_number && u.prefix == Affix::kSizeSystem && u.suffix == Affix::kNone &&
        SizeNumber(u.number)) {
      const std::string& name = scan_.lexicon->value(u.affix_info->value);
      if (name != "EU" && !NearSizeWord(i)) return false;
      Emit(u.begin, u.end, name + " " + u.number.ToString(), 0.9);
      return true;
    }
    if (std::optional<std::string> system = SystemAt(i)) {
      const Unit* num = scan_.at(i + 1);
      if (num != nullptr && num->PlainNumber() && !num->number_words && SizeNumber(num->number)) {
        Emit(u.begin, num->end, *system + " " + num->number.ToString(), 0.9);
        return true;
      }
    }
    if (u.PlainNumber() && !u.number_words && SizeNumber(u.number)) {
      if (std::optional<std::string> system = SystemAt(i + 1)) {
        Emit(u.begin, scan_.at(i + 1)->end, *system + " " + u.number.ToString(), 0.9);
        return true;
      }
    }
    return false;
  }

  // "small or medium", "S o M": two size words either way are sizes without
  // a cue, unless an article makes them adjectives ("a small or large box")
  // or a category word follows ("small or large printers").
  bool Either(int i) {
    const Unit& a = scan_.units[static_cast<size_t>(i)];
    if (!a.Has(kSizeWord | kSizeLetter) && !(a.has_number && a.suffix == Affix::kSizeLetter)) {
      return false;
    }
    const Unit* joiner = scan_.at(i + 1);
    const Unit* b = scan_.at(i + 2);
    if (joiner == nullptr || b == nullptr) return false;
    if (joiner->text != "or" && joiner->text != "o" && joiner->text != "ou") return false;
    auto value = [&](const Unit& u) -> std::string {
      if (std::string letters = LetterValue(u, *scan_.lexicon); !letters.empty()) return letters;
      if (u.Has(kSizeWord)) return scan_.lexicon->value(u.info->value);
      return {};
    };
    if (!a.Has(kSizeWord) && !b->Has(kSizeWord)) return false;  // letters: Letters()
    const std::string va = value(a), vb = value(*b);
    if (va.empty() || vb.empty() || va == vb) return false;
    if (const Unit* before = scan_.at(i - 1);
        before != nullptr && (before->article || before->Has(kDeterminer))) {
      return false;
    }
    if (const Unit* after = scan_.at(i + 3);
        after != nullptr && after->entry != nullptr && after->entry->lemma != 0) {
      return false;
    }
    Emit(a.begin, a.end, va, 0.75);
    Emit(b->begin, b->end, vb, 0.75);
    return true;
  }

  // "XL", "2XL", "extra large"; a lone capital S, M or L.
  void Letters(int i) {
    const Unit& u = scan_.units[static_cast<size_t>(i)];
    std::string letters = LetterValue(u, *scan_.lexicon);
    if (letters.empty()) return;
    const bool single = letters.size() == 1;
    if (single) {
      const std::string_view original = scan_.Original(u);
      if (original.size() != 1 || original[0] != letters[0] || BesideApostrophe(scan_, u)) return;
    }
    Emit(u.begin, u.end, letters, single ? 0.7 : 0.85);
  }

  const Scan& scan_;
  std::vector<Candidate>* out_;
};

}  // namespace

void AddSizeWords(Language language, LexiconBuilder* lx) {
  AddValued(lx, {"xxs"}, kSizeLetter, "XXS");
  AddValued(lx, {"xs", "x-small", "extra small", "extra-small"}, kSizeLetter, "XS");
  AddValued(lx, {"s"}, kSizeLetter, "S");
  AddValued(lx, {"m"}, kSizeLetter, "M");
  AddValued(lx, {"l"}, kSizeLetter, "L");
  AddValued(lx, {"xl", "x-large", "extra large", "extra-large"}, kSizeLetter, "XL");
  AddValued(lx, {"xxl", "xx-large"}, kSizeLetter, "XXL");
  AddValued(lx, {"xxxl", "xxx-large"}, kSizeLetter, "XXXL");
  AddValued(lx, {"eu"}, kSizeSystem, "EU");
  AddValued(lx, {"us"}, kSizeSystem, "US");
  AddValued(lx, {"uk"}, kSizeSystem, "UK");
  switch (language) {
    case Language::kEnglish:
      lx->AddRoles({"size", "sz", "sized", "waist"}, kSizeCue);
      lx->AddRoles({"wear", "wears"}, kSizeCue | kSizeVerb);
      AddValued(lx, {"small"}, kSizeWord, "S");
      AddValued(lx, {"medium"}, kSizeWord, "M");
      AddValued(lx, {"large"}, kSizeWord, "L");
      lx->AddRoles({"shoes", "shoe", "sneakers", "boots", "trainers", "sandals", "loafers",
                    "heels", "slippers", "pumps"},
                   kShoeWord);
      break;
    case Language::kItalian:
      lx->AddRoles({"taglia", "misura", "numero", "tg", "n", "nr", "num"}, kSizeCue);
      AddValued(lx, {"piccola", "piccolo", "small"}, kSizeWord, "S");
      AddValued(lx, {"media", "medio", "medium"}, kSizeWord, "M");
      AddValued(lx, {"grande", "large"}, kSizeWord, "L");
      lx->AddRoles({"scarpe", "scarpa", "stivali", "scarpette", "sandali", "mocassini", "sneakers",
                    "ciabatte", "décolleté", "stivaletti", "infradito"},
                   kShoeWord);
      lx->AddRoles({"porto", "indosso", "calzo", "porta", "calza"}, kSizeCue | kSizeVerb);
      break;
    case Language::kFrench:
      lx->AddRoles({"taille", "pointure"}, kSizeCue);
      AddValued(lx, {"petite", "petit", "small"}, kSizeWord, "S");
      AddValued(lx, {"moyenne", "moyen", "medium"}, kSizeWord, "M");
      AddValued(lx, {"grande", "grand", "large"}, kSizeWord, "L");
      lx->AddRoles({"chaussures", "chaussure", "baskets", "bottes", "sandales", "mocassins",
                    "escarpins", "bottines", "chaussons", "tongs"},
                   kShoeWord);
      lx->AddRoles({"chausse", "chausses", "porte"}, kSizeCue | kSizeVerb);
      break;
  }
}

void FindSizes(const Scan& scan, std::vector<Candidate>* out) { SizeFinder(scan, out).Run(); }

}  // namespace chatcart::entities
