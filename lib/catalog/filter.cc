// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Constraint parsing and Catalog::Select: each constraint is resolved against
// the catalog (field, codes, category subtrees, numbers in the column's unit,
// money in minor units), then evaluated. When an indexed constraint (category,
// brand, enum) is selective, its postings seed a candidate list that the other
// constraints test row by row; otherwise every constraint becomes a bitmap by
// a column scan and the bitmaps are intersected.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "catalog/catalog_rep.h"
#include "catalog/units.h"
#include "chatcart/catalog.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart {
namespace {

std::string_view OpText(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

bool IsOrdering(CompareOp op) { return op != CompareOp::kEq && op != CompareOp::kNe; }

template <typename T>
bool Compare(T a, CompareOp op, T b) {
  switch (op) {
    case CompareOp::kEq:
      return a == b;
    case CompareOp::kNe:
      return a != b;
    case CompareOp::kLt:
      return a < b;
    case CompareOp::kLe:
      return a <= b;
    case CompareOp::kGt:
      return a > b;
    case CompareOp::kGe:
      return a >= b;
  }
  return false;
}

// "300 USD" / "12GB" / "4.5" -> number text and unit text.
void SplitQuantity(std::string_view text, std::string_view* number, std::string_view* unit) {
  text = Trim(text);
  size_t k = 0;
  while (k < text.size() && (absl::ascii_isdigit(static_cast<unsigned char>(text[k])) ||
                             text[k] == '.' || text[k] == '-' || text[k] == '+')) {
    ++k;
  }
  *number = text.substr(0, k);
  *unit = Trim(text.substr(k));
}

// One constraint resolved against a catalog.
struct Resolved {
  enum Kind { kCategory, kBrand, kCodes, kList, kNumber, kPrice, kListPrice, kRating, kStock, kId };
  Kind kind = kNumber;
  CompareOp op = CompareOp::kEq;
  const AttributeStore* attr = nullptr;
  std::vector<CategoryId> categories;  // subtree roots
  std::vector<uint32_t> codes;         // brand codes (1-based) or dictionary codes
  std::vector<bool> code_set;          // by code
  std::vector<double> numbers;         // kEq/kNe: any of; ordering: [0]
  std::vector<int64_t> minor;          // prices, same
  uint8_t currency = 0;                // index into currencies when several
  bool currency_known = true;          // false: no product can match
  std::vector<std::string> ids;
  bool indexed() const {
    return op == CompareOp::kEq && (kind == kCategory || kind == kBrand || kind == kList ||
                                    (kind == kCodes && attr->info.indexed));
  }
};

class Evaluator {
 public:
  explicit Evaluator(const Catalog::Rep& rep) : r_(rep) {}

  absl::StatusOr<Resolved> Resolve(const Constraint& c, const Catalog& catalog) const;
  size_t Estimate(const Resolved& x) const;
  template <typename F>
  void ForEachPosting(const Resolved& x, F&& f) const;
  bool Test(const Resolved& x, ProductIndex i) const;
  void Fill(const Resolved& x, ProductSet* out) const;
  // Keeps the (ascending) candidates that satisfy x; sparse columns are
  // walked alongside the candidates instead of searched for each.
  void Refine(const Resolved& x, std::vector<ProductIndex>* candidates) const;
  // About how many values Fill reads for x: a column scan reads every
  // product (dense) or the column's rows (sparse); postings, their length.
  size_t FillCost(const Resolved& x) const {
    if (x.indexed()) return Estimate(x);
    switch (x.kind) {
      case Resolved::kNumber:
        return x.attr->numbers.dense() ? r_.size : x.attr->numbers.count();
      case Resolved::kRating:
        return r_.rating.dense() ? r_.size : r_.rating.count();
      case Resolved::kCodes:
        return x.attr->codes.dense() ? r_.size : x.attr->codes.count();
      case Resolved::kList:
        return x.attr->list_rows.size();
      default:
        return r_.size;
    }
  }
  // An upper bound on the products x can pass: the rows of its column.
  size_t PassBound(const Resolved& x) const {
    switch (x.kind) {
      case Resolved::kNumber:
        return x.attr->numbers.count();
      case Resolved::kRating:
        return r_.rating.count();
      case Resolved::kCodes:
        return x.attr->codes.count();
      case Resolved::kList:
        return x.attr->list_rows.size();
      default:
        return x.indexed() ? Estimate(x) : r_.size;
    }
  }

 private:
  bool TestNumber(const Resolved& x, double v) const {
    if (IsOrdering(x.op)) return Compare(v, x.op, x.numbers[0]);
    bool any = std::find(x.numbers.begin(), x.numbers.end(), v) != x.numbers.end();
    return x.op == CompareOp::kEq ? any : !any;
  }
  bool TestMoney(const Resolved& x, int64_t v) const {
    if (IsOrdering(x.op)) return Compare(v, x.op, x.minor[0]);
    bool any = std::find(x.minor.begin(), x.minor.end(), v) != x.minor.end();
    return x.op == CompareOp::kEq ? any : !any;
  }
  bool InCategories(const Resolved& x, CategoryId c) const {
    for (CategoryId root : x.categories) {
      if (c >= root && c < r_.categories[root].subtree_end) return true;
    }
    return false;
  }
  const Catalog::Rep& r_;
};

absl::StatusOr<Resolved> Evaluator::Resolve(const Constraint& c, const Catalog& catalog) const {
  auto error = [&](std::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat("constraint \"", c.ToString(), "\": ", ToAbsl(what)));
  };
  if (c.values.empty()) return error("no value");
  if (IsOrdering(c.op) && c.values.size() != 1) return error("an ordering takes exactly one value");
  Resolved x;
  x.op = c.op;
  const std::string field = text::Fold(Trim(c.field));

  auto parse_numbers = [&](std::string_view unit_of_column) -> absl::Status {
    for (const std::string& v : c.values) {
      std::string_view number_text, unit;
      SplitQuantity(v, &number_text, &unit);
      double number = 0;
      auto [end, ec] =
          std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
      if (number_text.empty() || ec != std::errc() ||
          end != number_text.data() + number_text.size()) {
        return error(absl::StrCat("\"", v, "\" is not a number"));
      }
      if (!unit.empty()) {
        if (unit_of_column.empty()) {
          return error(
              absl::StrCat("\"", ToAbsl(c.field), "\" has no unit, got \"", ToAbsl(unit), "\""));
        }
        std::optional<double> converted = catalog::ConvertUnit(number, unit, unit_of_column);
        if (!converted) {
          return error(
              absl::StrCat("\"", ToAbsl(unit), "\" does not convert to ", ToAbsl(unit_of_column)));
        }
        number = *converted;
      }
      x.numbers.push_back(number);
    }
    return absl::OkStatus();
  };

  if (field == "category") {
    if (IsOrdering(c.op)) return error("categories take = or !=");
    x.kind = Resolved::kCategory;
    for (const std::string& v : c.values) {
      std::vector<CategoryId> found = catalog.FindCategories(v);
      x.categories.insert(x.categories.end(), found.begin(), found.end());
    }
    return x;
  }
  if (field == "brand") {
    if (IsOrdering(c.op)) return error("brands take = or !=");
    x.kind = Resolved::kBrand;
    for (const std::string& v : c.values) {
      auto it = r_.folded_brands.find(text::Fold(Trim(v)));
      if (it != r_.folded_brands.end())
        x.codes.insert(x.codes.end(), it->second.begin(), it->second.end());
    }
    x.code_set.assign(r_.brands.size() + 1, false);
    for (uint32_t code : x.codes) x.code_set[code] = true;
    return x;
  }
  if (field == "id") {
    if (IsOrdering(c.op)) return error("ids take = or !=");
    x.kind = Resolved::kId;
    x.ids = c.values;
    return x;
  }
  if (field == "price" || field == "list_price") {
    x.kind = field == "price" ? Resolved::kPrice : Resolved::kListPrice;
    for (const std::string& v : c.values) {
      std::string_view number_text, unit;
      SplitQuantity(v, &number_text, &unit);
      std::string currency = absl::AsciiStrToUpper(ToAbsl(unit));
      if (currency.empty()) {
        if (r_.currencies.size() > 1) {
          return error(absl::StrCat("the catalog has several currencies (",
                                    absl::StrJoin(r_.currencies, ", "), "): name one"));
        }
        if (r_.currencies.empty()) {
          x.currency_known = false;
          continue;
        }
        currency = r_.currencies[0];
      }
      absl::StatusOr<Money> money = Money::Parse(number_text, currency);
      if (!money.ok()) return error(ToStd(money.status().message()));
      auto it = std::find(r_.currencies.begin(), r_.currencies.end(), currency);
      if (it == r_.currencies.end()) {
        x.currency_known = false;
      } else {
        uint8_t index = static_cast<uint8_t>(it - r_.currencies.begin());
        if (!x.minor.empty() && index != x.currency) return error("one currency per constraint");
        x.currency = index;
      }
      x.minor.push_back(money->minor_units());
    }
    return x;
  }
  if (field == "rating") {
    x.kind = Resolved::kRating;
    CHATCART_RETURN_IF_ERROR(parse_numbers(""));
    return x;
  }
  if (field == "stock") {
    x.kind = Resolved::kStock;
    CHATCART_RETURN_IF_ERROR(parse_numbers(""));
    return x;
  }

  auto it = r_.attribute_by_name.find(field);
  if (it == r_.attribute_by_name.end()) {
    return error(absl::StrCat("no field or attribute \"", ToAbsl(Trim(c.field)), "\""));
  }
  x.attr = &r_.attributes[it->second];
  const AttributeInfo& info = x.attr->info;
  switch (info.type) {
    case AttributeType::kNumber:
      x.kind = Resolved::kNumber;
      CHATCART_RETURN_IF_ERROR(parse_numbers(info.unit));
      return x;
    case AttributeType::kString:
    case AttributeType::kEnum:
    case AttributeType::kBool:
    case AttributeType::kList: {
      if (IsOrdering(c.op)) {
        return error(absl::StrCat("\"", info.name, "\" is ", ToAbsl(AttributeTypeName(info.type)),
                                  ": use = or !="));
      }
      x.kind = info.type == AttributeType::kList ? Resolved::kList : Resolved::kCodes;
      x.code_set.assign(x.attr->dictionary.size(), false);
      for (const std::string& v : c.values) {
        std::string folded = text::Fold(Trim(v));
        if (info.type == AttributeType::kBool) {
          if (folded == "true" || folded == "y") folded = "yes";
          if (folded == "false" || folded == "n") folded = "no";
          if (folded != "yes" && folded != "no") {
            return error(absl::StrCat("\"", info.name, "\" is yes or no, got \"", v, "\""));
          }
        }
        if (info.indexed) {
          auto f = x.attr->folded_codes.find(folded);
          if (f != x.attr->folded_codes.end())
            x.codes.insert(x.codes.end(), f->second.begin(), f->second.end());
        } else {
          for (uint32_t code = 0; code < x.attr->dictionary.size(); ++code) {
            if (text::Fold(x.attr->dictionary[code]) == folded) x.codes.push_back(code);
          }
        }
      }
      for (uint32_t code : x.codes) x.code_set[code] = true;
      return x;
    }
  }
  return error("unsupported attribute type");
}

size_t Evaluator::Estimate(const Resolved& x) const {
  size_t n = 0;
  switch (x.kind) {
    case Resolved::kCategory:
      for (CategoryId c : x.categories) n += r_.categories[c].product_count;
      return n;
    case Resolved::kBrand:
      for (uint32_t code : x.codes) n += r_.brand_postings.Get(code - 1).size();
      return n;
    case Resolved::kCodes:
    case Resolved::kList:
      for (uint32_t code : x.codes) n += x.attr->postings.Get(code).size();
      return n;
    default:
      return r_.size;
  }
}

template <typename F>
void Evaluator::ForEachPosting(const Resolved& x, F&& f) const {
  switch (x.kind) {
    case Resolved::kCategory:
      for (CategoryId c : x.categories) {
        const uint32_t begin = r_.category_products.offsets[c];
        const uint32_t end = r_.category_products.offsets[r_.categories[c].subtree_end];
        for (uint32_t k = begin; k < end; ++k) f(r_.category_products.products[k]);
      }
      return;
    case Resolved::kBrand:
      for (uint32_t code : x.codes) {
        for (ProductIndex i : r_.brand_postings.Get(code - 1)) f(i);
      }
      return;
    case Resolved::kCodes:
    case Resolved::kList:
      for (uint32_t code : x.codes) {
        for (ProductIndex i : x.attr->postings.Get(code)) f(i);
      }
      return;
    default:
      return;
  }
}

bool Evaluator::Test(const Resolved& x, ProductIndex i) const {
  switch (x.kind) {
    case Resolved::kCategory: {
      CategoryId c = r_.category_of[i];
      if (c == kRootCategory) return false;
      return InCategories(x, c) == (x.op == CompareOp::kEq);
    }
    case Resolved::kBrand: {
      uint32_t b = r_.brand_of[i];
      if (b == 0) return false;
      return x.code_set[b] == (x.op == CompareOp::kEq);
    }
    case Resolved::kCodes: {
      std::optional<uint32_t> code = x.attr->codes.Get(i);
      if (!code) return false;
      return x.code_set[*code] == (x.op == CompareOp::kEq);
    }
    case Resolved::kList: {
      auto it = std::lower_bound(x.attr->list_rows.begin(), x.attr->list_rows.end(), i);
      if (it == x.attr->list_rows.end() || *it != i) return false;
      size_t k = static_cast<size_t>(it - x.attr->list_rows.begin());
      bool any = false;
      for (uint32_t j = x.attr->list_offsets[k]; j < x.attr->list_offsets[k + 1]; ++j) {
        any = any || x.code_set[x.attr->list_codes[j]];
      }
      return any == (x.op == CompareOp::kEq);
    }
    case Resolved::kNumber: {
      std::optional<double> v = x.attr->numbers.Get(i);
      return v && TestNumber(x, *v);
    }
    case Resolved::kRating: {
      std::optional<double> v = r_.rating.Get(i);
      return v && TestNumber(x, *v);
    }
    case Resolved::kStock: {
      // Stock the catalog does not track counts as unlimited.
      std::optional<int64_t> v = r_.stock.Get(i);
      return TestNumber(x, v ? static_cast<double>(*v) : HUGE_VAL);
    }
    case Resolved::kPrice:
    case Resolved::kListPrice: {
      if (!x.currency_known) return false;
      int64_t v = x.kind == Resolved::kPrice ? r_.price[i] : r_.list_price[i];
      if (v == Catalog::kNoPrice) return false;
      if (!r_.currency_of.empty() && r_.currency_of[i] != x.currency) return false;
      return TestMoney(x, v);
    }
    case Resolved::kId: {
      std::string_view id = r_.ids.Get(i);
      bool any = std::find(x.ids.begin(), x.ids.end(), id) != x.ids.end();
      return any == (x.op == CompareOp::kEq);
    }
  }
  return false;
}

void Evaluator::Fill(const Resolved& x, ProductSet* out) const {
  if (x.indexed()) {
    ForEachPosting(x, [&](ProductIndex i) { out->Insert(i); });
    return;
  }
  std::span<uint64_t> words = out->mutable_words();
  auto scan_all = [&](auto&& test) {
    const size_t n = r_.size;
    for (size_t w = 0; w < words.size(); ++w) {
      uint64_t bits = 0;
      const size_t base = w * 64;
      const size_t end = std::min<size_t>(64, n - base);
      for (size_t b = 0; b < end; ++b)
        bits |= uint64_t{test(static_cast<ProductIndex>(base + b))} << b;
      words[w] = bits;
    }
  };
  switch (x.kind) {
    case Resolved::kNumber:
    case Resolved::kRating: {
      const NumberColumn& col = x.kind == Resolved::kNumber ? x.attr->numbers : r_.rating;
      if (col.dense()) {
        std::span<const double> values = col.values();
        if (IsOrdering(x.op)) {
          const double bound = x.numbers[0];
          const CompareOp op = x.op;
          scan_all([&](ProductIndex i) { return col.present(i) && Compare(values[i], op, bound); });
        } else {
          scan_all([&](ProductIndex i) { return col.present(i) && TestNumber(x, values[i]); });
        }
      } else {
        std::span<const ProductIndex> rows = col.rows();
        std::span<const double> values = col.values();
        for (size_t k = 0; k < rows.size(); ++k) {
          if (TestNumber(x, values[k])) out->Insert(rows[k]);
        }
      }
      return;
    }
    case Resolved::kPrice:
    case Resolved::kListPrice: {
      if (!x.currency_known) return;
      const std::vector<int64_t>& prices = x.kind == Resolved::kPrice ? r_.price : r_.list_price;
      if (IsOrdering(x.op) && r_.currency_of.empty()) {
        const int64_t bound = x.minor[0];
        const CompareOp op = x.op;
        scan_all([&](ProductIndex i) {
          return prices[i] != Catalog::kNoPrice && Compare(prices[i], op, bound);
        });
      } else {
        scan_all([&](ProductIndex i) { return Test(x, i); });
      }
      return;
    }
    case Resolved::kCodes: {
      const CodeColumn& col = x.attr->codes;
      const bool want = x.op == CompareOp::kEq;
      if (col.dense()) {
        std::span<const uint32_t> values = col.values();
        scan_all([&](ProductIndex i) { return col.present(i) && x.code_set[values[i]] == want; });
      } else {
        std::span<const ProductIndex> rows = col.rows();
        std::span<const uint32_t> values = col.values();
        for (size_t k = 0; k < rows.size(); ++k) {
          if (x.code_set[values[k]] == want) out->Insert(rows[k]);
        }
      }
      return;
    }
    case Resolved::kList:
      for (ProductIndex i : x.attr->list_rows) {
        if (Test(x, i)) out->Insert(i);
      }
      return;
    default:
      scan_all([&](ProductIndex i) { return Test(x, i); });
      return;
  }
}

void Evaluator::Refine(const Resolved& x, std::vector<ProductIndex>* candidates) const {
  std::vector<ProductIndex>& cand = *candidates;
  size_t kept = 0;
  auto walk = [&](std::span<const ProductIndex> rows, auto&& test_at) {
    size_t cur = 0;
    for (ProductIndex i : cand) {
      cur = catalog::Gallop(rows, cur, i);
      if (cur < rows.size() && rows[cur] == i && test_at(cur)) cand[kept++] = i;
    }
  };
  const NumberColumn* numbers = x.kind == Resolved::kNumber   ? &x.attr->numbers
                                : x.kind == Resolved::kRating ? &r_.rating
                                                              : nullptr;
  if (numbers != nullptr && !numbers->dense()) {
    std::span<const double> values = numbers->values();
    walk(numbers->rows(), [&](size_t k) { return TestNumber(x, values[k]); });
  } else if (x.kind == Resolved::kCodes && !x.attr->codes.dense()) {
    std::span<const uint32_t> values = x.attr->codes.values();
    const bool want = x.op == CompareOp::kEq;
    walk(x.attr->codes.rows(), [&](size_t k) { return x.code_set[values[k]] == want; });
  } else if (x.kind == Resolved::kList) {
    const AttributeStore& a = *x.attr;
    const bool want = x.op == CompareOp::kEq;
    walk(a.list_rows, [&](size_t k) {
      bool any = false;
      for (uint32_t j = a.list_offsets[k]; j < a.list_offsets[k + 1]; ++j) {
        any = any || x.code_set[a.list_codes[j]];
      }
      return any == want;
    });
  } else if (numbers != nullptr && IsOrdering(x.op)) {
    // Dense column, one bound: a tight loop instead of Test's dispatch.
    std::span<const double> values = numbers->values();
    const double bound = x.numbers[0];
    for (ProductIndex i : cand) {
      if (numbers->present(i) && Compare(values[i], x.op, bound)) cand[kept++] = i;
    }
  } else if ((x.kind == Resolved::kPrice || x.kind == Resolved::kListPrice) && IsOrdering(x.op) &&
             r_.currency_of.empty()) {
    if (x.currency_known) {
      const std::vector<int64_t>& prices = x.kind == Resolved::kPrice ? r_.price : r_.list_price;
      const int64_t bound = x.minor[0];
      for (ProductIndex i : cand) {
        if (prices[i] != Catalog::kNoPrice && Compare(prices[i], x.op, bound)) cand[kept++] = i;
      }
    }
  } else {
    for (ProductIndex i : cand) {
      if (Test(x, i)) cand[kept++] = i;
    }
  }
  cand.resize(kept);
}

}  // namespace

absl::StatusOr<Constraint> Constraint::Parse(std::string_view text) {
  size_t op_at = text.find_first_of("!<>=");
  if (op_at == std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "constraint \"", ToAbsl(text), "\": expected field, one of = != < <= > >=, value"));
  }
  Constraint c;
  c.field = std::string(Trim(text.substr(0, op_at)));
  std::string_view rest = text.substr(op_at);
  if (rest.starts_with("!=")) {
    c.op = CompareOp::kNe;
    rest.remove_prefix(2);
  } else if (rest.starts_with("<=")) {
    c.op = CompareOp::kLe;
    rest.remove_prefix(2);
  } else if (rest.starts_with(">=")) {
    c.op = CompareOp::kGe;
    rest.remove_prefix(2);
  } else if (rest.starts_with("<")) {
    c.op = CompareOp::kLt;
    rest.remove_prefix(1);
  } else if (rest.starts_with(">")) {
    c.op = CompareOp::kGt;
    rest.remove_prefix(1);
  } else if (rest.starts_with("=")) {
    c.op = CompareOp::kEq;
    rest.remove_prefix(rest.starts_with("==") ? 2 : 1);
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("constraint \"", ToAbsl(text), "\": '!' must be followed by '='"));
  }
  if (c.field.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("constraint \"", ToAbsl(text), "\": no field"));
  }
  for (absl::string_view v : absl::StrSplit(ToAbsl(rest), '|')) {
    std::string_view t = Trim(ToStd(v));
    if (!t.empty()) c.values.emplace_back(t);
  }
  if (c.values.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("constraint \"", ToAbsl(text), "\": no value"));
  }
  if (IsOrdering(c.op) && c.values.size() != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("constraint \"", ToAbsl(text), "\": an ordering takes exactly one value"));
  }
  return c;
}

std::string Constraint::ToString() const {
  return absl::StrCat(field, ToAbsl(OpText(op)), absl::StrJoin(values, "|"));
}

absl::StatusOr<ProductSet> Catalog::Select(std::span<const Constraint> constraints) const {
  const Rep& r = *rep_;
  Evaluator eval(r);
  std::vector<Resolved> resolved;
  resolved.reserve(constraints.size());
  for (const Constraint& c : constraints) {
    CHATCART_ASSIGN_OR_RETURN(Resolved x, eval.Resolve(c, *this));
    resolved.push_back(std::move(x));
  }
  ProductSet result(r.size);
  // The most selective indexed constraint drives, if it is selective enough.
  int driver = -1;
  size_t driver_size = r.size + 1;
  for (size_t k = 0; k < resolved.size(); ++k) {
    if (!resolved[k].indexed()) continue;
    size_t n = eval.Estimate(resolved[k]);
    if (n < driver_size) {
      driver = static_cast<int>(k);
      driver_size = n;
    }
  }
  if (driver >= 0 && driver_size == 0) return result;
  // A small driver always drives. A larger one (a big category) still does
  // when testing its products against the other constraints reads fewer
  // values than filling a bitmap per constraint (a dense column is a scan of
  // every product).
  bool drive = driver >= 0 && (driver_size <= r.size / 8 || resolved.size() == 1);
  if (driver >= 0 && !drive) {
    size_t fill_cost = 0;
    for (const Resolved& x : resolved) fill_cost += eval.FillCost(x);
    drive = driver_size * resolved.size() < fill_cost;
  }
  if (drive) {
    eval.ForEachPosting(resolved[driver], [&](ProductIndex i) { result.Insert(i); });
    if (resolved.size() == 1) return result;
    std::vector<ProductIndex> candidates = result.ToVector();
    // Constraints on sparse columns first: they pass at most their rows, and
    // they are walked in order; dense columns are read at random after.
    std::vector<std::pair<size_t, size_t>> order;  // (bound on passing rows, constraint)
    for (size_t k = 0; k < resolved.size(); ++k) {
      if (static_cast<int>(k) != driver) order.push_back({eval.PassBound(resolved[k]), k});
    }
    std::sort(order.begin(), order.end());
    for (const auto& [bound, k] : order) {
      if (candidates.empty()) break;
      eval.Refine(resolved[k], &candidates);
    }
    ProductSet refined(r.size);
    for (ProductIndex i : candidates) refined.Insert(i);
    return refined;
  }
  if (resolved.empty()) return ProductSet::All(r.size);
  eval.Fill(resolved[0], &result);
  for (size_t k = 1; k < resolved.size(); ++k) {
    ProductSet next(r.size);
    eval.Fill(resolved[k], &next);
    result.IntersectWith(next);
  }
  return result;
}

}  // namespace chatcart
