// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/scoring.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/units.h"
#include "common/strings.h"
#include "recommend/constraints.h"
#include "text/fold.h"

namespace chatcart::recommend {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr uint32_t kNoCode = UINT32_MAX;
// Similarity looks at no more than this many of the reference's attributes.
constexpr size_t kMaxSimilarityAttributes = 16;

absl::Status BadPreference(const Preference& p, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("preference \"", p.ToString(), "\": ", ToAbsl(why)));
}

// Column values of sorted `products` into out[k] (missing: `none`).
template <typename T, typename U>
void FillColumn(const Column<T>& col, std::span<const ProductIndex> products, U none, U* out) {
  if (col.dense()) {
    std::span<const T> values = col.values();
    for (size_t k = 0; k < products.size(); ++k) {
      const ProductIndex i = products[k];
      out[k] = i < values.size() && col.present(i) ? static_cast<U>(values[i]) : none;
    }
    return;
  }
  // Both ascending: gallop forward from the last position (a few cache-near
  // steps when the products are dense among the rows), then binary search.
  std::span<const ProductIndex> rows = col.rows();
  std::span<const T> values = col.values();
  size_t r = 0;
  const size_t end = rows.size();
  for (size_t k = 0; k < products.size(); ++k) {
    const ProductIndex want = products[k];
    size_t step = 1, hi = r;
    while (hi < end && rows[hi] < want) {
      r = hi + 1;
      hi += step;
      step *= 2;
    }
    r = static_cast<size_t>(
        std::lower_bound(rows.begin() + static_cast<std::ptrdiff_t>(r),
                         rows.begin() + static_cast<std::ptrdiff_t>(std::min(hi, end)), want) -
        rows.begin());
    out[k] = (r < end && rows[r] == want) ? static_cast<U>(values[r]) : none;
  }
}

bool InSubtrees(const Catalog& catalog, std::span<const CategoryId> roots, CategoryId c) {
  for (CategoryId root : roots) {
    if (c >= root && c < catalog.categories()[root].subtree_end) return true;
  }
  return false;
}

// Utility of a numeric value given the candidates' range.
float NumericUtility(const Term& t, double v, double lo, double hi, double missing) {
  if (std::isnan(v)) return static_cast<float>(missing);
  if (t.source == Term::kPriceFit) {
    if (t.around) {
      const double x = static_cast<double>(*t.around);
      if (x <= 0) return v <= 0 ? 1.f : 0.f;
      const double d = (v - x) / (0.5 * x);
      return static_cast<float>(std::max(0.0, 1 - d * d));
    }
    // Well inside the budget is good; the budget's edge (or the dearest
    // candidate) is the least good, on a curve that forgives small steps.
    const double top = t.budget_max ? static_cast<double>(*t.budget_max) : hi;
    if (top <= lo) return 1.f;
    const double x = std::clamp((v - lo) / (top - lo), 0.0, 1.0);
    return static_cast<float>(1 - x * x);
  }
  const double span = hi - lo;
  switch (t.direction) {
    case PreferenceKind::kMaximize:
    case PreferenceKind::kSimilarTo:
      return span > 0 ? static_cast<float>((v - lo) / span) : 1.f;
    case PreferenceKind::kMinimize:
      return span > 0 ? static_cast<float>((hi - v) / span) : 1.f;
    case PreferenceKind::kTarget: {
      const double far = std::max(std::abs(hi - t.target), std::abs(t.target - lo));
      return far > 0 ? static_cast<float>(1 - std::abs(v - t.target) / far) : 1.f;
    }
    default:
      return 0.f;
  }
}

// Terms whose utility is a raw number normalised over the candidates.
bool IsNumeric(const Term& t) {
  return t.source == Term::kPriceFit || t.source == Term::kPrice || t.source == Term::kRating ||
         t.source == Term::kNumber || t.source == Term::kMerchant || t.source == Term::kSimilar;
}

// "like the reference": the mean of per-field similarities.
class Similarity {
 public:
  Similarity(const Recommender::Rep& rep, ProductIndex ref) : rep_(rep), ref_(ref) {
    const Catalog& c = *rep.catalog;
    for (const AttributeInfo& a : c.attributes()) {
      if (numbers_.size() + codes_.size() + lists_.size() >= kMaxSimilarityAttributes) break;
      // Review counts and the merchant's numbers say nothing about the product.
      if (a.id == rep.reviews || a.id == rep.merchant) continue;
      if (a.type == AttributeType::kList) {
        std::span<const uint32_t> codes = c.list_codes(a.id, ref);
        if (!codes.empty())
          lists_.push_back({a.id, std::vector<uint32_t>(codes.begin(), codes.end())});
        continue;
      }
      if (a.type == AttributeType::kNumber) {
        std::optional<double> v = c.number_column(a.id).Get(ref);
        const double range = a.max_value - a.min_value;
        if (v && range > 0) numbers_.push_back({a.id, *v, range});
      } else if (a.type == AttributeType::kEnum || a.type == AttributeType::kBool) {
        std::optional<uint32_t> code = c.code_column(a.id).Get(ref);
        if (code) codes_.push_back({a.id, *code});
      }
    }
  }

  void Fill(std::span<const ProductIndex> products, float* out) const {
    const Catalog& c = *rep_.catalog;
    const size_t n = products.size();
    std::vector<double> sum(n, 0.0);
    std::vector<double> tmp(n);
    std::vector<uint32_t> codes(n);
    double parts = 0;
    // Price, brand and category always count.
    const int64_t ref_price = c.price_column()[ref_];
    const uint32_t ref_brand = c.brand_code(ref_);
    const CategoryId ref_cat = rep_.category_of[ref_];
    const CategoryId ref_parent = c.categories()[ref_cat].parent;
    for (size_t k = 0; k < n; ++k) {
      const ProductIndex i = products[k];
      const int64_t p = c.price_column()[i];
      if (ref_price != Catalog::kNoPrice && ref_price > 0 && p != Catalog::kNoPrice) {
        sum[k] += std::max(
            0.0, 1 - std::abs(static_cast<double>(p - ref_price)) / static_cast<double>(ref_price));
      }
      if (ref_brand != 0 && c.brand_code(i) == ref_brand) sum[k] += 1;
      const CategoryId cat = rep_.category_of[i];
      if (cat == ref_cat) {
        sum[k] += 1;
      } else if (c.categories()[cat].parent == ref_parent) {
        sum[k] += 0.5;
      }
    }
    parts += 3;
    for (const NumberRef& nr : numbers_) {
      FillColumn(c.number_column(nr.attribute), products, kNaN, tmp.data());
      for (size_t k = 0; k < n; ++k) {
        if (!std::isnan(tmp[k]))
          sum[k] += std::max(0.0, 1 - std::abs(tmp[k] - nr.value) / nr.range);
      }
      parts += 1;
    }
    for (const CodeRef& cr : codes_) {
      FillColumn(c.code_column(cr.attribute), products, kNoCode, codes.data());
      for (size_t k = 0; k < n; ++k) sum[k] += codes[k] == cr.code ? 1 : 0;
      parts += 1;
    }
    // LIST attributes: the Jaccard overlap of the value sets.
    for (const ListRef& lr : lists_) {
      for (size_t k = 0; k < n; ++k) {
        std::span<const uint32_t> codes = c.list_codes(lr.attribute, products[k]);
        size_t both = 0;
        for (uint32_t code : codes) {
          both += std::find(lr.codes.begin(), lr.codes.end(), code) != lr.codes.end();
        }
        const size_t either = codes.size() + lr.codes.size() - both;
        if (either > 0) sum[k] += static_cast<double>(both) / static_cast<double>(either);
      }
      parts += 1;
    }
    for (size_t k = 0; k < n; ++k) out[k] = static_cast<float>(sum[k] / parts);
  }

 private:
  struct NumberRef {
    AttributeId attribute;
    double value, range;
  };
  struct CodeRef {
    AttributeId attribute;
    uint32_t code;
  };
  struct ListRef {
    AttributeId attribute;
    std::vector<uint32_t> codes;
  };
  const Recommender::Rep& rep_;
  ProductIndex ref_;
  std::vector<NumberRef> numbers_;
  std::vector<CodeRef> codes_;
  std::vector<ListRef> lists_;
};

float MatchUtility(const Recommender::Rep& rep, const Term& t, ProductIndex i, uint32_t code) {
  const Catalog& c = *rep.catalog;
  bool like = t.direction == PreferenceKind::kLike;
  double matched = 0;
  switch (t.source) {
    case Term::kCodes:
      matched = code != kNoCode && code < t.liked.size() && t.liked[code];
      break;
    case Term::kBrand: {
      const uint32_t b = c.brand_code(i);
      matched = b < t.liked.size() && t.liked[b];
      break;
    }
    case Term::kCategory:
      matched = InSubtrees(c, t.categories, rep.category_of[i]);
      break;
    case Term::kList: {
      size_t hits = 0;
      for (uint32_t code : c.list_codes(*t.attribute, i)) {
        hits += code < t.liked.size() && t.liked[code];
      }
      matched = t.liked_count > 0 ? std::min(1.0, static_cast<double>(hits) / t.liked_count) : 0;
      if (!like) matched = hits > 0;
      break;
    }
    default:
      return 0.f;
  }
  return static_cast<float>(like ? matched : 1 - matched);
}

}  // namespace

double RawValue(const Recommender::Rep& rep, const Term& t, ProductIndex i) {
  const Catalog& c = *rep.catalog;
  switch (t.source) {
    case Term::kPriceFit:
    case Term::kPrice: {
      const int64_t p = c.price_column()[i];
      return p == Catalog::kNoPrice ? kNaN : static_cast<double>(p);
    }
    case Term::kRating:
      return rep.shrunk_rating.empty() ? kNaN : rep.shrunk_rating[i];
    case Term::kNumber:
    case Term::kMerchant:
      return c.number_column(*t.attribute).Get(i).value_or(kNaN);
    case Term::kSimilar: {
      float u = 0;
      Similarity(rep, t.reference).Fill(std::span<const ProductIndex>(&i, 1), &u);
      return u;
    }
    default:
      return kNaN;
  }
}

float UtilityOf(const Recommender::Rep& rep, const Term& t, const Scored& scored, size_t term,
                ProductIndex i) {
  if (IsNumeric(t)) {
    const double v = RawValue(rep, t, i);
    if (std::isnan(v)) return static_cast<float>(rep.options.missing_utility);
    return std::clamp(NumericUtility(t, v, scored.lo[term], scored.hi[term], 0), 0.f, 1.f);
  }
  uint32_t code = kNoCode;
  if (t.source == Term::kCodes)
    code = rep.catalog->code_column(*t.attribute).Get(i).value_or(kNoCode);
  return MatchUtility(rep, t, i, code);
}

void ScoreCandidates(const Recommender::Rep& rep, std::span<const Term> terms,
                     const ProductSet& candidates, Scored* out) {
  const Catalog& c = *rep.catalog;
  out->products = candidates.ToVector();
  const size_t n = out->products.size();
  const std::span<const ProductIndex> products = out->products;
  out->term_count = terms.size();
  out->utility.assign(terms.size() * n, 0.f);
  out->lo.assign(terms.size(), kNaN);
  out->hi.assign(terms.size(), kNaN);
  out->known.assign(terms.size(), 0);
  out->score.assign(n, 0.f);

  // Weights: the merchant's share is capped at merchant_cap of the total.
  out->weight.assign(terms.size(), 0.0);
  double others = 0, merchant = 0;
  for (const Term& t : terms) (t.source == Term::kMerchant ? merchant : others) += t.weight;
  const double cap = std::clamp(rep.options.merchant_cap, 0.0, 0.5);
  if (merchant > 0) merchant = std::min(merchant, others * cap / (1 - cap));
  const double total = others + merchant;
  for (size_t t = 0; t < terms.size(); ++t) {
    if (total <= 0) break;
    out->weight[t] = (terms[t].source == Term::kMerchant ? merchant : terms[t].weight) / total;
  }

  std::vector<double> raw(n);
  std::vector<uint32_t> codes;
  for (size_t t = 0; t < terms.size(); ++t) {
    const Term& term = terms[t];
    float* u = out->utility.data() + t * n;
    if (IsNumeric(term)) {
      switch (term.source) {
        case Term::kPriceFit:
        case Term::kPrice: {
          std::span<const int64_t> prices = c.price_column();
          for (size_t k = 0; k < n; ++k) {
            const int64_t p = prices[products[k]];
            raw[k] = p == Catalog::kNoPrice ? kNaN : static_cast<double>(p);
          }
          break;
        }
        case Term::kRating:
          for (size_t k = 0; k < n; ++k) raw[k] = rep.shrunk_rating[products[k]];
          break;
        case Term::kSimilar:
          Similarity(rep, term.reference).Fill(products, u);
          for (size_t k = 0; k < n; ++k) raw[k] = u[k];
          break;
        default:
          FillColumn(c.number_column(*term.attribute), products, kNaN, raw.data());
          break;
      }
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      size_t known = 0;
      for (size_t k = 0; k < n; ++k) {
        if (std::isnan(raw[k])) continue;
        ++known;
        lo = std::min(lo, raw[k]);
        hi = std::max(hi, raw[k]);
      }
      if (lo > hi) lo = hi = kNaN;
      out->lo[t] = lo;
      out->hi[t] = hi;
      out->known[t] = known;
      for (size_t k = 0; k < n; ++k) {
        u[k] = NumericUtility(term, raw[k], lo, hi, rep.options.missing_utility);
      }
    } else {
      if (term.source == Term::kCodes) {
        codes.resize(n);
        FillColumn(c.code_column(*term.attribute), products, kNoCode, codes.data());
      }
      for (size_t k = 0; k < n; ++k) {
        u[k] =
            MatchUtility(rep, term, products[k], term.source == Term::kCodes ? codes[k] : kNoCode);
      }
    }
    const float w = static_cast<float>(out->weight[t]);
    for (size_t k = 0; k < n; ++k) out->score[k] += w * u[k];
  }
}

absl::StatusOr<std::vector<Term>> CompileTerms(const Recommender::Rep& rep,
                                               const RecommendRequest& request,
                                               std::span<const Preference> extra) {
  const Catalog& c = *rep.catalog;
  const RecommenderOptions& o = rep.options;
  std::vector<Term> terms;
  const bool prices_comparable = c.currencies().size() <= 1 || !request.budget.empty();

  if (prices_comparable && o.price_fit_weight > 0) {
    Term t;
    t.source = Term::kPriceFit;
    t.name = "price_fit";
    t.weight = request.budget.around ? 2 * o.price_fit_weight : o.price_fit_weight;
    if (request.budget.max) t.budget_max = request.budget.max->minor_units();
    if (request.budget.around) t.around = request.budget.around->minor_units();
    terms.push_back(std::move(t));
  }
  double rating_weight = o.rating_weight;
  bool rating_stated = false;

  std::vector<Preference> all(request.prefer.begin(), request.prefer.end());
  all.insert(all.end(), extra.begin(), extra.end());
  for (size_t index = 0; index < all.size(); ++index) {
    const Preference& p = all[index];
    if (!(p.weight > 0) || !std::isfinite(p.weight)) return BadPreference(p, "weight must be > 0");
    Term t;
    t.stated = true;
    t.preference = index;
    t.weight = p.weight;
    t.direction = p.kind;
    std::string attribute = p.attribute;
    if (p.kind == PreferenceKind::kNamed) {
      const NamedPreference* named = nullptr;
      for (const NamedPreference& np : rep.vocabulary) {
        if (np.name == p.attribute) named = &np;
      }
      if (!named) {
        std::vector<std::string> names;
        for (const NamedPreference& np : rep.vocabulary) names.push_back(np.name);
        return BadPreference(p, absl::StrCat("unknown name; known: ", absl::StrJoin(names, ", ")));
      }
      attribute.clear();
      for (const std::string& a : named->attributes) {
        if (a == "price" || a == "rating" ||
            (c.FindAttribute(a) &&
             c.attributes()[*c.FindAttribute(a)].type == AttributeType::kNumber)) {
          attribute = a;
          break;
        }
      }
      if (attribute.empty()) {
        return BadPreference(
            p, absl::StrCat("the catalog has none of ", absl::StrJoin(named->attributes, ", ")));
      }
      t.direction = named->kind;
      t.named = named->name;
    }
    if (p.kind == PreferenceKind::kSimilarTo) {
      std::optional<ProductIndex> ref = p.values.empty() ? std::nullopt : c.FindById(p.values[0]);
      if (!ref) return BadPreference(p, "no product with that id");
      t.source = Term::kSimilar;
      t.name = "similar";
      t.reference = *ref;
      terms.push_back(std::move(t));
      continue;
    }
    const std::string field = text::Fold(attribute);
    const bool numeric_kind = t.direction == PreferenceKind::kMaximize ||
                              t.direction == PreferenceKind::kMinimize ||
                              t.direction == PreferenceKind::kTarget;
    if (field == "rating" && t.direction == PreferenceKind::kMaximize) {
      rating_weight += p.weight;
      rating_stated = true;
      continue;
    }
    if (numeric_kind) {
      if (field == "price") {
        t.source = Term::kPrice;
        t.name = "price";
      } else if (field == "rating") {
        t.source = Term::kRating;
        t.name = "rating";
      } else {
        std::optional<AttributeId> a = c.FindAttribute(field);
        if (!a) return BadPreference(p, absl::StrCat("no attribute \"", attribute, "\""));
        const AttributeInfo& info = c.attributes()[*a];
        if (info.type != AttributeType::kNumber) {
          return BadPreference(
              p, absl::StrCat("\"", info.name, "\" is ", ToAbsl(AttributeTypeName(info.type)),
                              ", not a number: use ATTR=VALUE"));
        }
        t.source = Term::kNumber;
        t.attribute = *a;
        t.name = info.name;
      }
      if (t.direction == PreferenceKind::kTarget) {
        static const std::string kNone;
        const std::string& target = p.values.empty() ? kNone : p.values[0];
        std::string_view number, unit;
        SplitQuantity(target, &number, &unit);
        double v = 0;
        auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size()) {
          return BadPreference(p, "the target is not a number");
        }
        if (t.source == Term::kPrice || t.source == Term::kPriceFit) {
          std::string currency = absl::AsciiStrToUpper(ToAbsl(unit));
          if (currency.empty() && !c.currencies().empty()) currency = c.currencies()[0];
          absl::StatusOr<Money> m = Money::Parse(number, currency);
          if (!m.ok()) return BadPreference(p, ToStd(m.status().message()));
          v = static_cast<double>(m->minor_units());
        } else if (!unit.empty() && t.source == Term::kNumber) {
          const std::string& column_unit = c.attributes()[*t.attribute].unit;
          std::optional<double> converted = catalog::ConvertUnit(v, unit, column_unit);
          if (!converted) {
            return BadPreference(p, absl::StrCat("\"", ToAbsl(unit), "\" does not convert to \"",
                                                 column_unit, "\""));
          }
          v = *converted;
        }
        t.target = v;
      }
      terms.push_back(std::move(t));
      continue;
    }
    // kLike / kDislike
    std::vector<std::string> folded;
    for (const std::string& v : p.values) folded.push_back(text::Fold(v));
    auto mark = [&](std::span<const std::string> dictionary, uint32_t offset) {
      t.liked.assign(dictionary.size() + offset, 0);
      for (uint32_t code = 0; code < dictionary.size(); ++code) {
        const std::string f = text::Fold(dictionary[code]);
        if (std::find(folded.begin(), folded.end(), f) != folded.end()) {
          t.liked[code + offset] = 1;
          ++t.liked_count;
        }
      }
    };
    if (field == "brand") {
      t.source = Term::kBrand;
      t.name = "brand";
      mark(c.brands(), 1);
    } else if (field == "category") {
      t.source = Term::kCategory;
      t.name = "category";
      for (const std::string& v : p.values) {
        std::vector<CategoryId> found = c.FindCategories(v);
        t.categories.insert(t.categories.end(), found.begin(), found.end());
      }
    } else {
      std::optional<AttributeId> a = c.FindAttribute(field);
      if (!a) return BadPreference(p, absl::StrCat("no attribute \"", attribute, "\""));
      const AttributeInfo& info = c.attributes()[*a];
      if (info.type == AttributeType::kNumber) {
        return BadPreference(
            p, absl::StrCat("\"", info.name, "\" is a number: use more:, less: or ~VALUE"));
      }
      t.source = info.type == AttributeType::kList ? Term::kList : Term::kCodes;
      t.attribute = *a;
      t.name = info.name;
      mark(c.dictionary(*a), 0);
      // Several dictionary codes may fold alike; count the values asked for.
      t.liked_count = std::min(t.liked_count, p.values.size());
    }
    terms.push_back(std::move(t));
  }
  // One preference per attribute: "more:storage" with "less:storage", or
  // "brand=A" with "brand!=B", would make every claim about it ambiguous.
  for (size_t a = 0; a < terms.size(); ++a) {
    for (size_t b = a + 1; b < terms.size(); ++b) {
      if (!terms[a].stated || !terms[b].stated || terms[a].name != terms[b].name ||
          terms[a].source == Term::kSimilar) {
        continue;
      }
      const std::string one = all[terms[a].preference].ToString();
      const std::string two = all[terms[b].preference].ToString();
      return absl::InvalidArgumentError(absl::StrCat(
          "preferences \"", one, "\" and \"", two, "\" are both about \"", terms[a].name,
          "\": say it once (several values as \"brand=A|B\")"));
    }
  }

  if (!rep.shrunk_rating.empty() && rating_weight > 0) {
    Term t;
    t.source = Term::kRating;
    t.name = "rating";
    t.named = rating_stated ? "rating" : "";
    t.stated = rating_stated;
    t.weight = rating_weight;
    terms.push_back(std::move(t));
  }
  if (rep.merchant && o.merchant_weight > 0) {
    Term t;
    t.source = Term::kMerchant;
    t.name = "merchant";
    t.attribute = *rep.merchant;
    t.weight = o.merchant_weight;
    terms.push_back(std::move(t));
  }
  return terms;
}

}  // namespace chatcart::recommend
