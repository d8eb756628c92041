// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/probe.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace chatcart::recommend {
namespace {

constexpr size_t kMaxOptions = 5;
// An attribute must cover this share of the products to be asked about.
constexpr double kMinCoverage = 0.5;

struct Candidate {
  std::string attribute, label;
  std::vector<QuestionOption> options;
  double score = -1;
};

double Entropy(const std::vector<QuestionOption>& options) {
  double total = 0;
  for (const QuestionOption& o : options) total += static_cast<double>(o.matches);
  double h = 0;
  for (const QuestionOption& o : options) {
    if (o.matches == 0) continue;
    const double p = static_cast<double>(o.matches) / total;
    h -= p * std::log(p);
  }
  return h;
}

// Two significant digits: 23.8 -> 24, 1799 -> 1800, 0.47 -> 0.47.
double Nice(double v) {
  if (v == 0 || !std::isfinite(v)) return v;
  const double mag = std::pow(10.0, std::floor(std::log10(std::abs(v))) - 1);
  return std::round(v / mag) * mag;
}

std::string ConstraintNumber(double v) { return absl::StrCat(v); }

// Keeps the `kMaxOptions` largest counts of `counts` (code -> count) as
// options built by `make`.
template <typename Make>
std::vector<QuestionOption> Largest(const std::map<uint32_t, size_t>& counts, Make make) {
  std::vector<std::pair<size_t, uint32_t>> order;
  for (const auto& [code, n] : counts) order.emplace_back(n, code);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<QuestionOption> out;
  for (const auto& [n, code] : order) {
    if (out.size() == kMaxOptions) break;
    std::optional<QuestionOption> o = make(code);
    if (!o) continue;
    o->matches = n;
    out.push_back(std::move(*o));
  }
  return out;
}

}  // namespace

std::optional<Question> ProbingQuestion(const Recommender::Rep& rep,
                                        std::span<const ProductIndex> products,
                                        std::span<const HardConstraint> constraints, Lang lang) {
  const Catalog& c = *rep.catalog;
  const size_t n = products.size();
  if (n < 2) return std::nullopt;
  const std::string language(text::LanguageCode(lang));
  Candidate best;
  auto consider = [&](Candidate cand, size_t covered) {
    if (cand.options.size() < 2) return;
    const double coverage = static_cast<double>(covered) / static_cast<double>(n);
    if (coverage < kMinCoverage) return;
    cand.score = Entropy(cand.options) * coverage;
    if (cand.score > best.score + 1e-12) best = std::move(cand);
  };

  // The subcategories below the deepest category holding every product.
  {
    CategoryId common = rep.category_of[products[0]];
    auto holds = [&](CategoryId root, CategoryId x) {
      return x >= root && x < c.categories()[root].subtree_end;
    };
    for (ProductIndex i : products) {
      while (common != kRootCategory && !holds(common, rep.category_of[i])) {
        common = c.categories()[common].parent;
      }
    }
    std::map<uint32_t, size_t> counts;
    for (ProductIndex i : products) {
      CategoryId x = rep.category_of[i];
      if (x == common) continue;
      while (c.categories()[x].parent != common) x = c.categories()[x].parent;
      ++counts[x];
    }
    Candidate cand;
    cand.attribute = "category";
    cand.label = Render(lang, Msg::kCategoryLabel);
    cand.options = Largest(counts, [&](uint32_t x) -> std::optional<QuestionOption> {
      QuestionOption o;
      o.value = c.categories()[x].name;
      const std::string path = c.CategoryPath(x);
      if (path.find('|') != std::string::npos) return std::nullopt;
      o.where = {"category=" + path};
      return o;
    });
    size_t covered = 0;
    for (const QuestionOption& o : cand.options) covered += o.matches;
    consider(std::move(cand), covered);
  }

  auto constrained = [&](AttributeId a) {
    return std::any_of(constraints.begin(), constraints.end(),
                       [&](const HardConstraint& h) { return h.attribute == a; });
  };
  for (const AttributeInfo& a : c.attributes()) {
    if (a.variant_axis || a.type == AttributeType::kString || constrained(a.id) ||
        a.id == rep.reviews || a.id == rep.merchant || a.id == rep.age_min || a.id == rep.age_max) {
      continue;
    }
    Candidate cand;
    cand.attribute = a.name;
    cand.label = std::string(a.LabelIn(language));
    size_t covered = 0;
    if (a.type == AttributeType::kNumber) {
      const NumberColumn& col = c.number_column(a.id);
      std::vector<double> values;
      for (ProductIndex i : products) {
        if (std::optional<double> v = col.Get(i)) values.push_back(*v);
      }
      if (static_cast<double>(values.size()) < kMinCoverage * static_cast<double>(n)) continue;
      std::sort(values.begin(), values.end());
      double cuts[2] = {Nice(values[values.size() / 3]), Nice(values[2 * values.size() / 3])};
      std::vector<double> bounds;
      for (double cut : cuts) {
        if (cut > values.front() && cut <= values.back() &&
            (bounds.empty() || cut > bounds.back())) {
          bounds.push_back(cut);
        }
      }
      if (bounds.empty()) continue;
      auto with_unit = [&](double v) {
        std::string s = FormatNumber(v, lang);
        if (!a.unit.empty()) absl::StrAppend(&s, " ", a.unit);
        return s;
      };
      for (size_t b = 0; b <= bounds.size(); ++b) {
        QuestionOption o;
        const double* lo = b == 0 ? nullptr : &bounds[b - 1];
        const double* hi = b == bounds.size() ? nullptr : &bounds[b];
        if (lo) o.where.push_back(absl::StrCat(a.name, ">=", ConstraintNumber(*lo)));
        if (hi) o.where.push_back(absl::StrCat(a.name, "<", ConstraintNumber(*hi)));
        o.value = !lo   ? Render(lang, Msg::kOptionUnder, {{"a", with_unit(*hi)}})
                  : !hi ? Render(lang, Msg::kOptionOver, {{"a", with_unit(*lo)}})
                        : Render(lang, Msg::kOptionBetween,
                                 {{"a", with_unit(*lo)}, {"b", with_unit(*hi)}});
        for (double v : values) o.matches += (!lo || v >= *lo) && (!hi || v < *hi);
        if (o.matches > 0) cand.options.push_back(std::move(o));
      }
      covered = values.size();
    } else if (a.type == AttributeType::kList) {
      std::map<uint32_t, size_t> counts;
      for (ProductIndex i : products) {
        for (uint32_t code : c.list_codes(a.id, i)) ++counts[code];
      }
      cand.options = Largest(counts, [&](uint32_t code) -> std::optional<QuestionOption> {
        const std::string& v = c.dictionary(a.id)[code];
        if (v.find('|') != std::string::npos) return std::nullopt;
        QuestionOption o;
        o.value = std::string(a.ValueIn(v, language));
        o.where = {absl::StrCat(a.name, "=", v)};
        return o;
      });
      for (ProductIndex i : products) {
        bool any = false;
        for (uint32_t code : c.list_codes(a.id, i)) {
          for (const QuestionOption& o : cand.options) {
            any = any || o.where[0] == absl::StrCat(a.name, "=", c.dictionary(a.id)[code]);
          }
        }
        covered += any;
      }
    } else {
      const CodeColumn& col = c.code_column(a.id);
      std::map<uint32_t, size_t> counts;
      for (ProductIndex i : products) {
        if (std::optional<uint32_t> code = col.Get(i)) ++counts[*code];
      }
      cand.options = Largest(counts, [&](uint32_t code) -> std::optional<QuestionOption> {
        const std::string& v = c.dictionary(a.id)[code];
        if (v.find('|') != std::string::npos || v.empty()) return std::nullopt;
        QuestionOption o;
        o.value = std::string(a.ValueIn(v, language));
        o.where = {absl::StrCat(a.name, "=", v)};
        return o;
      });
      for (const QuestionOption& o : cand.options) covered += o.matches;
    }
    consider(std::move(cand), covered);
  }
  if (best.score <= 0) return std::nullopt;

  Question q;
  q.attribute = best.attribute;
  q.label = best.label;
  q.options = std::move(best.options);
  std::string listed;
  for (size_t k = 0; k < q.options.size(); ++k) {
    if (k > 0) listed.append(k + 1 == q.options.size() ? Render(lang, Msg::kOr) : ", ");
    listed.append(q.options[k].value);
  }
  q.text = Render(lang, Msg::kQuestion,
                  {{"n", FormatCount(static_cast<int64_t>(n), lang)},
                   {"label", q.label},
                   {"options", listed}});
  return q;
}

}  // namespace chatcart::recommend
