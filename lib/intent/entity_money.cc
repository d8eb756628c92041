// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Money and budgets: an amount (digits, words, "1.5k", "300ish") with a
// currency before or after it (symbol, ISO code, name), a cue before
// ("under", "sotto i", "moins de") or after ("max", "or more", "circa"), or
// a range ("between A and B", "from A to B", "tra A e B", "entre A et B",
// "A-B"). Without a stated currency an amount is money only when cued and
// the text speaks of money, and then it is in the store's currency.

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "chatcart/money.h"
#include "intent/entity_scan.h"

namespace chatcart::intent {
namespace {

using text::TokenKind;

struct Amount {
  size_t first = 0, last = 0;
  Decimal value;
  std::string currency;    // "", an ISO code, or "$"
  bool thousands = false;  // "1.5k"
  bool around = false;     // "300ish"
};

std::optional<Amount> AmountAt(const Scan& scan, size_t i) {
  Amount a;
  a.first = i;
  size_t j = i;
  size_t len = 0;
  // A leading symbol or code: "$300", "EUR 50", "€ 20".
  if (const WordRole* r = scan.RoleAt(j, Role::kCurrency, &len);
      r != nullptr && (scan.tok(j).kind == TokenKind::kSymbol || scan.tok(j).bare.size() == 3)) {
    if (scan.used(j)) return std::nullopt;
    a.currency = r->value;
    j += len;
  }
  std::optional<ScannedNumber> n = scan.NumberAt(j, /*allow_suffix=*/true);
  if (!n.has_value()) return std::nullopt;
  a.value = n->value;
  a.last = n->last;
  if (!n->suffix.empty()) {
    if (n->suffix == "k") {
      a.thousands = true;
    } else if (n->suffix == "ish") {
      a.around = true;
    } else if (const std::vector<WordRole>* roles = RolesOf(n->suffix)) {
      // "50eur", "20euro", "300usd".
      bool found = false;
      for (const WordRole& r : *roles) {
        if (r.role == Role::kCurrency && r.rest.empty()) {
          if (!a.currency.empty() && a.currency != r.value) return std::nullopt;
          a.currency = r.value;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  // "300 k": a separate k.
  if (!a.thousands && !scan.used(a.last + 1) && scan.tok(a.last + 1).bare == "k") {
    a.thousands = true;
    ++a.last;
  }
  if (a.thousands && !a.value.ScaleUp(3)) return std::nullopt;
  // A trailing currency: "50 €", "300 bucks", "40 quid", "20 euros".
  if (a.currency.empty() && !scan.used(a.last + 1)) {
    if (const WordRole* r = scan.RoleAt(a.last + 1, Role::kCurrency, &len)) {
      a.currency = r->value;
      a.last += len;
    }
  }
  return a;
}

class MoneyScanner {
 public:
  MoneyScanner(Scan& scan, const ExtractorState& state, Emitter& emitter)
      : scan_(scan), state_(state), emitter_(emitter) {}

  size_t At(size_t i) {
    size_t len = 0;
    // Ranges with a cue: "between 250 and 700 dollars", "from 20 to 30 €".
    const bool between = scan_.RoleAt(i, Role::kCueBetween, &len) != nullptr;
    if (between || scan_.RoleAt(i, Role::kCueFrom, &len) != nullptr) {
      size_t j = i + len;
      size_t alen = 0;
      if (scan_.RoleAt(j, Role::kArticle, &alen) != nullptr) j += alen;
      if (std::optional<Amount> a = AmountAt(scan_, j)) {
        if (size_t took = Range(i, *a, /*bare=*/false)) return took;
      }
    }
    std::optional<Amount> a = AmountAt(scan_, i);
    if (!a.has_value()) return 0;
    // A bare range: "200-300€", "20 to 30 dollars".
    if (size_t took = Range(i, *a, /*bare=*/true)) return took;

    MoneyKind kind = MoneyKind::kExact;
    size_t first = a->first, last = a->last;
    bool cued = false;
    static constexpr std::pair<Role, MoneyKind> kBefore[] = {{Role::kCueUnder, MoneyKind::kUnder},
                                                             {Role::kCueOver, MoneyKind::kOver},
                                                             {Role::kCueAround, MoneyKind::kAround},
                                                             {Role::kCueExact, MoneyKind::kExact}};
    for (const auto& [role, k] : kBefore) {
      const size_t start = scan_.RoleEndingAt(a->first, role, /*skip_article=*/true);
      if (start != std::string_view::npos) {
        kind = k;
        first = start;
        cued = true;
        break;
      }
    }
    if (a->around) {
      kind = MoneyKind::kAround;
      cued = true;
    }
    if (!cued) {
      static constexpr std::pair<Role, MoneyKind> kAfter[] = {
          {Role::kPostUnder, MoneyKind::kUnder},
          {Role::kPostOver, MoneyKind::kOver},
          {Role::kPostAround, MoneyKind::kAround}};
      for (const auto& [role, k] : kAfter) {
        if (!scan_.used(last + 1) && scan_.RoleAt(last + 1, role, &len) != nullptr) {
          kind = k;
          last += len;
          cued = true;
          break;
        }
      }
    }
    const bool stated = !a->currency.empty();
    if (!stated && !((cued || a->thousands) && (a->thousands || scan_.budget_context()))) {
      return 0;
    }
    std::optional<std::pair<std::string, int>> currency = Resolve(a->currency);
    if (!currency.has_value()) return 0;
    std::optional<int64_t> minor = MinorUnits(a->value, currency->second);
    if (!minor.has_value()) return 0;
    Entity& e = emitter_.Emit(EntityType::kMoney, first, last, stated ? 0.95 : 0.7);
    e.money.kind = kind;
    e.money.amount_minor = *minor;
    e.money.currency = currency->first;
    e.money.currency_stated = stated;
    return last - i + 1;
  }

 private:
  // The ISO code and its decimals for a stated currency ("" for the
  // store's, "$" for the store's dollar or USD).
  std::optional<std::pair<std::string, int>> Resolve(const std::string& stated) const {
    const std::string& store = state_.options.currency;
    if (stated.empty()) return std::make_pair(store, state_.currency_exponent);
    const std::string code = stated == "$" ? (state_.store_dollar ? store : "USD") : stated;
    if (code == store) return std::make_pair(code, state_.currency_exponent);
    absl::StatusOr<int> exponent = CurrencyExponent(code);
    if (!exponent.ok()) return std::nullopt;
    return std::make_pair(code, *exponent);
  }

  // A range whose first amount is `a`, started at token `start` (the cue,
  // or the amount itself when `bare`): the tokens taken, or 0.
  size_t Range(size_t start, const Amount& a, bool bare) {
    size_t len = 0;
    const size_t join = a.last + 1;
    if (scan_.used(join) || scan_.RoleAt(join, Role::kRangeJoin, &len) == nullptr) return 0;
    // Bare ranges take "-" and "to"/"a"/"à" only: "2 and 3" is two numbers.
    const std::string_view jw = scan_.tok(join).bare;
    if (bare && !(jw == "-" || jw == "to" || jw == "a" || jw == "au")) return 0;
    size_t j = join + len;
    if (scan_.RoleAt(j, Role::kArticle, &len) != nullptr) j += len;
    std::optional<Amount> b = AmountAt(scan_, j);
    if (!b.has_value()) return 0;
    if (!a.currency.empty() && !b->currency.empty() && a.currency != b->currency) return 0;
    const std::string currency = !a.currency.empty() ? a.currency : b->currency;
    const bool stated = !currency.empty();
    Decimal lo = a.value, hi = b->value;
    // "1-1.5k": the k of the second amount applies to the first.
    if (b->thousands && !a.thousands && lo.ToDouble() * 100 < hi.ToDouble()) {
      if (!lo.ScaleUp(3)) return 0;
    }
    const bool thousands = a.thousands || b->thousands;
    if (!stated && !(scan_.budget_context() || (!bare && thousands))) return 0;
    std::optional<std::pair<std::string, int>> resolved = Resolve(currency);
    if (!resolved.has_value()) return 0;
    std::optional<int64_t> min = MinorUnits(lo, resolved->second);
    std::optional<int64_t> max = MinorUnits(hi, resolved->second);
    if (!min.has_value() || !max.has_value()) return 0;
    if (*min > *max) std::swap(*min, *max);
    Entity& e = emitter_.Emit(EntityType::kMoney, start, b->last, stated ? 0.95 : 0.7);
    e.money.kind = MoneyKind::kBetween;
    e.money.min_minor = *min;
    e.money.max_minor = *max;
    e.money.currency = resolved->first;
    e.money.currency_stated = stated;
    return b->last - start + 1;
  }

  Scan& scan_;
  const ExtractorState& state_;
  Emitter& emitter_;
};

}  // namespace

size_t ExtractMoney(Scan& scan, const ExtractorState& state, size_t i, Emitter& emitter) {
  return MoneyScanner(scan, state, emitter).At(i);
}

}  // namespace chatcart::intent
