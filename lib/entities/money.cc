// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <optional>
#include <string>

#include "chatcart/money.h"
#include "entities/money.h"
#include "entities/money_direction.h"

namespace chatcart::entities {
namespace {

// ---- Recognition

struct Amount {
  int first = 0;  // units [first, last)
  int last = 0;
  Decimal value;
  std::string_view currency;  // "" when none was said
  bool weak_currency = false;
  bool thousands = false;  // "k", "grand"
  bool cents = false;      // "99 cents"
  bool around = false;     // "300ish", "~300"

  // Whether the words say it is money, not only a number.
  bool Said() const { return !currency.empty() || thousands || cents; }
};

// The currency unit `u` names, or "".
std::string_view CurrencyOf(const Scan& scan, const Unit& u, bool* weak) {
  if (u.Has(kCurrency)) {
    *weak = u.info->Has(kWeakCurrency);
    return scan.lexicon->value(u.info->currency);
  }
  // Any ISO 4217 code ICU knows, written in capitals ("50 SEK").
  if (u.kind == text::TokenKind::kWord && u.end - u.begin == 3 && !u.phrase) {
    std::string_view original = scan.Original(u);
    for (char c : original) {
      if (c < 'A' || c > 'Z') return {};
    }
    if (CurrencyExponent(original).ok()) {
      *weak = false;
      return original;
    }
  }
  return {};
}

// The cents of an amount said after its currency: "20 dollars 43 cents",
// "$20 and 43c", "12 euro e 90 centesimi", "venti euro e cinquanta", "5
// euros 50", "20€50", "dix euros cinquante". `j` is the unit after the
// currency; `bare_ok` allows a number with no cents word after it (not in
// the first amount of a range: "tra 20 euro e 30"). Returns the units taken
// (0: none) and adds the cents to *value.
int MinorUnitsAfter(const Scan& scan, int j, bool bare_ok, std::string_view currency,
                    Decimal* value) {
  absl::StatusOr<int> exponent = CurrencyExponent(currency);
  if (!exponent.ok() || *exponent != 2 || value->Normalized().scale > 0) return 0;
  int k = j;
  const Unit* u = scan.at(k);
  if (u == nullptr) return 0;
  const Unit* prev = scan.at(k - 1);
  bool joined = false;
  if (u->Has(kNumberAnd) && !u->has_number) {
    joined = true;
    u = scan.at(++k);
    if (u == nullptr) return 0;
  }
  // Only spaces before the cents ("20€50" has none).
  const std::string_view gap = scan.text.substr(prev->end, scan.at(j)->begin - prev->end);
  if (gap.find_first_not_of(" ") != std::string_view::npos) return 0;
  if (!u->has_number || u->pronoun || u->article || u->prefix != Affix::kNone) return 0;
  std::optional<int64_t> cents = u->number.Integer();
  if (!cents.has_value() || *cents < 1 || *cents > 99) return 0;
  if (!u->number_words && u->kind != text::TokenKind::kAlnum && u->text.size() > 2) return 0;
  int taken = k + 1 - j;
  if (u->suffix == Affix::kCents) {
    // "43c"
  } else if (u->suffix != Affix::kNone) {
    return 0;
  } else if (scan.Has(k + 1, kMinorUnit)) {
    ++taken;  // "43 cents"
  } else {
    if (!bare_ok) return 0;
    // "5 euros 50 each", not "20 euro e 30 euro", "5 euros 50 pièces".
    const Unit* next = scan.at(k + 1);
    if (next != nullptr) {
      if (next->has_number || next->Has(kCurrency | kMeasureUnit | kAgeYears | kAgeMonths |
                                        kThousands | kNumberWord)) {
        return 0;
      }
      if (next->Has(kQuantityNoun) && next->text.back() == 's') return 0;
    }
    // Italian says "e cinquanta"; English and French put the cents right
    // after the currency.
    if (joined && scan.language != text::Language::kItalian) return 0;
  }
  std::optional<Decimal> minor = Decimal{*cents, 0}.Shifted(2);
  if (!minor.has_value()) return 0;
  int64_t sum = 0;
  const Decimal whole = *value;
  std::optional<int64_t> units = whole.ToMinorUnits(2);
  if (!units.has_value() || __builtin_add_overflow(*units, *cents, &sum)) return 0;
  *value = Decimal{sum, 2};
  return taken;
}

std::optional<Amount> ParseAmount(const Scan& scan, int i, bool bare_minor = true) {
  Amount a;
  a.first = i;
  int j = i;
  const Unit* u = scan.at(j);
  if (u == nullptr) return std::nullopt;
  bool weak = false;
  if (!u->has_number) {
    std::string_view cur = CurrencyOf(scan, *u, &weak);
    const Unit* next = scan.at(j + 1);
    if (cur.empty() || next == nullptr || !next->has_number) return std::nullopt;
    // "60 euros, 70 at most": a currency before a comma names the amount before it.
    const std::string_view gap = scan.text.substr(u->end, next->begin - u->end);
    // "Rs. 500": an abbreviation's period is no break.
    const bool abbreviation = u->text == "rs" && gap.size() >= 1 && gap[0] == '.' &&
                              gap.find_first_of(",;:!?", 1) == std::string_view::npos;
    if (!abbreviation && gap.find_first_of(",;:.!?") != std::string_view::npos) {
      return std::nullopt;
    }
    a.currency = cur;
    a.weak_currency = weak;
    u = scan.at(++j);
  }
  if (u->pronoun || u->article) return std::nullopt;
  a.value = u->number;
  if (u->prefix == Affix::kCurrency) {
    if (!a.currency.empty()) return std::nullopt;
    a.currency = scan.lexicon->value(u->affix_info->currency);
  } else if (u->prefix != Affix::kNone) {
    return std::nullopt;
  }
  switch (u->suffix) {
    case Affix::kNone:
      break;
    case Affix::kThousands:
      a.thousands = true;
      break;
    case Affix::kCurrency:
      a.currency = scan.lexicon->value(u->affix_info->currency);
      break;
    case Affix::kAround:
      a.around = true;
      break;
    case Affix::kCents: {  // "43c"
      std::optional<Decimal> v = a.value.Shifted(2);
      if (!v.has_value()) return std::nullopt;
      a.value = *v;
      a.cents = true;
      break;
    }
    default:
      return std::nullopt;
  }
  if (a.thousands) {
    std::optional<Decimal> v = a.value.Times(1000);
    if (!v.has_value()) return std::nullopt;
    a.value = *v;
  }
  const Unit* number = u;
  const bool currency_before = !a.currency.empty();
  ++j;
  const int number_end = j;
  if (scan.Has(j, kThousands)) {
    std::optional<Decimal> v = a.value.Times(1000);
    if (!v.has_value() || a.thousands) return std::nullopt;
    a.value = *v;
    a.thousands = true;
    ++j;
  }
  if (const Unit* after = scan.at(j); after != nullptr && !a.cents) {
    std::string_view cur = CurrencyOf(scan, *after, &weak);
    if (!cur.empty()) {
      if (a.currency.empty()) {
        a.currency = cur;
        a.weak_currency = weak;
      }
      ++j;
      if (!a.thousands) j += MinorUnitsAfter(scan, j, bare_minor, a.currency, &a.value);
    } else if (after->Has(kMinorUnit)) {
      std::optional<Decimal> v = a.value.Shifted(2);
      if (!v.has_value()) return std::nullopt;
      a.value = *v;
      a.cents = true;
      ++j;
    }
  }
  if (!a.currency.empty() && !a.thousands && !a.cents && j == number_end + 0 &&
      currency_before) {
    j += MinorUnitsAfter(scan, j, bare_minor, a.currency, &a.value);  // "$20 and 43c"
  }
  if (!a.Said()) {
    // "5 kg", "6 years", "4k": not an amount.
    if (number->Has(kMeasureUnit) ||
        scan.Has(j, kMeasureUnit | kAgeYears | kAgeMonths | kQuantityNoun | kAgeOld)) {
      return std::nullopt;
    }
  }
  if (scan.CharBefore(scan.units[static_cast<size_t>(i)].begin, '~')) a.around = true;
  a.last = j;
  return a;
}

std::optional<Money> ToMoney(const Decimal& value, std::string_view code) {
  absl::StatusOr<int> exponent = CurrencyExponent(code);
  if (!exponent.ok()) return std::nullopt;
  std::optional<int64_t> minor = value.ToMinorUnits(*exponent);
  if (!minor.has_value()) return std::nullopt;
  absl::StatusOr<Money> m = Money::FromMinorUnits(*minor, code);
  if (!m.ok()) return std::nullopt;
  return *m;
}

class MoneyFinder {
 public:
  MoneyFinder(const Scan& scan, std::vector<Candidate>* out) : scan_(scan), out_(out) {}

  void Run() {
    const int n = static_cast<int>(scan_.units.size());
    for (int i = 0; i < n; ++i) {
      const Unit& u = scan_.units[static_cast<size_t>(i)];
      if (u.Has(kBudgetPrefix)) Cued(i, u.info->budget);
      if (u.Has(kBudgetLead)) Lead(i);
      Bare(i);
    }
  }

 private:
  int SkipArticles(int j) const {
    while (scan_.Has(j, kArticle)) ++j;
    return j;
  }

  // "to 300", "- 300", "e i 30": the second amount of a range after `a`.
  std::optional<Amount> RangeEnd(const Amount& a, bool and_ok) const {
    const Unit* joiner = scan_.at(a.last);
    if (joiner == nullptr || !(joiner->Has(kRangeJoiner) || joiner->IsDash())) return std::nullopt;
    if (joiner->Has(kNumberAnd) && !and_ok) return std::nullopt;
    return ParseAmount(scan_, SkipArticles(a.last + 1));
  }

  // A postfix cue right after unit `last - 1`: its kind and the new end.
  std::optional<BudgetKind> Postfix(int* last) const {
    const Unit* p = scan_.at(*last);
    if (p == nullptr || !p->Has(kBudgetPostfix) || p->info->budget < 0 ||
        p->info->budget > static_cast<int8_t>(BudgetKind::kAround)) {
      return std::nullopt;
    }
    // "41, max 100": the cue begins the next amount, it does not end this.
    if (const Unit* next = scan_.at(*last + 1); next != nullptr && next->has_number) {
      return std::nullopt;
    }
    ++*last;
    return static_cast<BudgetKind>(p->info->budget);
  }

  void Emit(int first, int last, BudgetKind kind, const Amount& a, const Amount* b, bool cued) {
    std::string_view code = !a.currency.empty() ? a.currency : std::string_view();
    if (b != nullptr && !b->currency.empty()) {
      if (!code.empty() && code != b->currency) return;
      code = b->currency;
    }
    const bool said = a.Said() || (b != nullptr && b->Said());
    if (code.empty()) code = scan_.config->store_currency;
    std::optional<Money> mlo = ToMoney(a.value, code);
    std::optional<Money> mhi = ToMoney(b != nullptr ? b->value : a.value, code);
    if (!mlo.has_value() || !mhi.has_value()) return;
    if (b != nullptr && b->thousands && !a.thousands) {
      // "1-2k": the k applies to both ends when that keeps them in order.
      if (std::optional<Decimal> k = a.value.Times(1000)) {
        std::optional<Money> scaled = ToMoney(*k, code);
        if (scaled.has_value() && scaled->minor_units() <= mhi->minor_units()) mlo = scaled;
      }
    }
    if (b != nullptr && mhi->minor_units() < mlo->minor_units()) std::swap(mlo, mhi);
    Candidate& c = out_->emplace_back();
    c.type = EntityType::kMoney;
    const Unit& f = scan_.units[static_cast<size_t>(first)];
    c.begin = f.begin;
    if (scan_.CharBefore(c.begin, '~')) --c.begin;
    c.end = scan_.units[static_cast<size_t>(last - 1)].end;
    const bool weak = a.weak_currency || (b != nullptr && b->weak_currency);
    c.priority = said ? kPriorityMoney : kPriorityBudget;
    c.confidence = said ? (weak ? 0.8 : 0.95) : (cued ? 0.75 : 0.7);
    if (kind == BudgetKind::kExact && a.around && b == nullptr) kind = BudgetKind::kAround;
    c.kind = kind;
    c.currency_stated = said;
    switch (kind) {
      case BudgetKind::kExact:
      case BudgetKind::kAround:
        c.min = mlo;
        c.max = mlo;
        break;
      case BudgetKind::kUnder:
        c.max = b != nullptr ? mhi : mlo;
        break;
      case BudgetKind::kOver:
        c.min = mlo;
        break;
      case BudgetKind::kBetween:
        c.min = mlo;
        c.max = mhi;
        break;
    }
  }

  // Whether the cue at unit i says its own negation: "no more than", "not
  // over", "nothing above", "non più di", "pas plus de".
  bool CueNegated(int i) const {
    const std::string_view w = scan_.units[static_cast<size_t>(i)].text;
    return w == "no" || w == "not" || w == "nothing" || w == "non" || w == "nn" || w == "pas";
  }

  void Cued(int i, int8_t cue) {
    const bool range = cue == static_cast<int8_t>(BudgetKind::kBetween) || cue == kBudgetFrom;
    const bool verb = scan_.Has(i, kBudgetVerb);
    int j = SkipArticles(i + 1);
    // "je ne dépasserai pas 90 €": the negation between the verb and the amount.
    bool negated_verb = false;
    if (const Unit* n = scan_.at(j);
        verb && n != nullptr && (n->text == "pas" || n->text == "jamais" || n->text == "not")) {
      negated_verb = true;
      j = SkipArticles(j + 1);
    }
    // "max budget two hundred dollars", "my max budget is 200".
    if (!range && scan_.Has(j, kBudgetLead)) {
      ++j;
      for (int k = 0; k < 2 && scan_.Has(j, kFiller | kDeterminer) && !scan_.Has(j, kBudgetPrefix);
           ++k) {
        ++j;
      }
    }
    // "max is 400", "il massimo è 400", "le maximum c'est 400".
    for (int k = 0; k < 2 && !range; ++k) {
      const Unit* f = scan_.at(j);
      if (f == nullptr || scan_.at(j + 1) == nullptr || f->Has(kBudgetPrefix)) break;
      if (f->text != "is" && f->text != "è" && f->text != "c" && f->text != "est") break;
      ++j;
    }
    std::optional<Amount> a = ParseAmount(scan_, j, /*bare_minor=*/!range);
    if (!a.has_value()) return;
    // "About 600" may be anything; "budget about 600", "my budget is about
    // 600" is money.
    if (scan_.Has(i, kCueNeedsCurrency) && !a->Said()) {
      bool lead = false;
      for (int back = i - 1; back >= 0 && back >= i - 3 && !lead; --back) {
        if (scan_.Has(back, kBudgetLead)) lead = true;
        if (!scan_.Has(back, kFiller | kDeterminer | kBudgetLead)) break;
      }
      if (!lead) return;
    }
    BudgetKind kind = static_cast<BudgetKind>(cue);
    int first = i;
    if (!range && (kind == BudgetKind::kUnder || kind == BudgetKind::kOver)) {
      const bool cue_negated = CueNegated(i);
      if (!verb && !cue_negated && NegationRightBefore(scan_, i)) {
        kind = Reversed(kind);  // "not under 100", "nn più di 200", "pas moins de 100"
        first = i - 1;
      } else if (negated_verb || (!cue_negated && NegationEarlier(scan_, i))) {
        kind = Reversed(kind);  // "I don't want to spend more than 60"
      }
    }
    if (range) {
      std::optional<Amount> b = RangeEnd(*a, cue != kBudgetFrom);
      if (!b.has_value()) return;
      // "from 1 to 5" is no budget; "from 1 to 5 euros" is.
      if (cue == kBudgetFrom && !a->Said() && !b->Said()) return;
      Emit(i, b->last, BudgetKind::kBetween, *a, &*b, true);
      return;
    }
    if (std::optional<Amount> b = RangeEnd(*a, false); b.has_value()) {
      Emit(i, b->last, BudgetKind::kBetween, *a, &*b, true);
      return;
    }
    int last = a->last;
    Postfix(&last);  // "under 50 € max": the same bound said twice
    // "più di 200 no", "more than 100 is too much".
    if (kind == BudgetKind::kOver && RejectedAfter(scan_, last)) kind = BudgetKind::kUnder;
    Emit(first, last, kind, *a, nullptr, true);
  }

  void Lead(int i) {
    int j = i + 1;
    while (scan_.Has(j, kFiller | kDeterminer) && !scan_.Has(j, kBudgetPrefix)) ++j;
    if (scan_.Has(j, kBudgetPrefix)) return;  // "budget of around 300": the cue speaks
    std::optional<Amount> a = ParseAmount(scan_, j);
    if (!a.has_value()) return;
    if (std::optional<Amount> b = RangeEnd(*a, false); b.has_value()) {
      Emit(j, b->last, BudgetKind::kBetween, *a, &*b, true);
      return;
    }
    int last = a->last;
    std::optional<BudgetKind> kind = Postfix(&last);
    if (!kind.has_value() && NoMoreAfter(scan_, last)) kind = BudgetKind::kUnder;  // "70, not more"
    if (scan_.Has(i, kLimitLead)) {
      // "my limit is 120 euros": a maximum, said with its lead.
      Emit(i, last, kind.value_or(BudgetKind::kUnder), *a, nullptr, true);
      return;
    }
    Emit(j, last, kind.value_or(BudgetKind::kExact), *a, nullptr, true);
  }

  void Bare(int i) {
    std::optional<Amount> a = ParseAmount(scan_, i);
    if (!a.has_value()) return;
    // "il titan 16 a 1.899 euro": Italian and French "a"/"à" join a range
    // only after an amount said as money ("20 € a 30 €").
    const Unit* joiner = scan_.at(a->last);
    const bool preposition = joiner != nullptr && !joiner->phrase &&
                             (joiner->text == "a" || joiner->text == "à");
    if (std::optional<Amount> b = RangeEnd(*a, false);
        b.has_value() && (!preposition || a->Said())) {
      if (a->Said() || b->Said()) {
        int last = b->last;
        std::optional<BudgetKind> kind = Postfix(&last);
        (void)kind;  // "20-30 € max" is still a range
        Emit(i, last, BudgetKind::kBetween, *a, &*b, false);
        return;
      }
    }
    int last = a->last;
    if (std::optional<BudgetKind> kind = Postfix(&last); kind.has_value()) {
      Emit(i, last, *kind, *a, nullptr, true);
      return;
    }
    if (a->Said()) {
      Emit(i, last, BudgetKind::kExact, *a, nullptr, false);
    } else if (a->around) {
      Emit(i, last, BudgetKind::kAround, *a, nullptr, true);
    }
  }

  const Scan& scan_;
  std::vector<Candidate>* out_;
};

}  // namespace

void FindMoney(const Scan& scan, std::vector<Candidate>* out) { MoneyFinder(scan, out).Run(); }

}  // namespace chatcart::entities
