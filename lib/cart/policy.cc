// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CartPolicy: validation and compilation of chatcart.v1.CartPolicy.

#include "cart/policy.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "chatcart/cart.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "common/json_parse.h"
#include "common/status.h"
#include "common/status_macros.h"

namespace chatcart {
namespace cart_internal {

absl::StatusOr<Fraction> ParsePercent(std::string_view text, bool allow_zero) {
  auto invalid = [&](std::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat("percent \"", ToAbsl(text), "\": ", ToAbsl(why)));
  };
  constexpr int kMaxDecimals = 6;
  int64_t num = 0;
  int64_t den = 100;  // percent
  size_t i = 0;
  int digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    if (num > 1000) return invalid("more than 100");
    num = num * 10 + (text[i] - '0');
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    int decimals = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits, ++decimals) {
      if (decimals == kMaxDecimals) return invalid("more than 6 decimals");
      num = num * 10 + (text[i] - '0');
      den *= 10;
    }
  }
  if (digits == 0 || i != text.size()) {
    return invalid("expected a decimal number such as 19 or 8.875 (no sign, no %)");
  }
  if (num > den) return invalid("more than 100");
  if (num == 0 && !allow_zero) return invalid("must be more than 0");
  // Reduce, so later products stay small.
  int64_t a = num, b = den;
  while (b != 0) {
    int64_t t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    num /= a;
    den /= a;
  }
  if (num == 0) den = 1;
  return Fraction{num, den};
}

namespace {

// Whether `category` is `node` or lies under it in a "A > B > C" path.
bool InCategory(std::string_view category, std::string_view node) {
  if (!category.starts_with(node)) return false;
  return category.size() == node.size() || category.substr(node.size()).starts_with(" > ");
}

// `path` without its last " > " step, or "" for a top-level category.
std::string_view ParentCategory(std::string_view path) {
  size_t cut = path.rfind(" > ");
  return cut == std::string_view::npos ? std::string_view() : path.substr(0, cut);
}

}  // namespace

bool CompiledCode::Covers(std::string_view product_id, std::string_view category) const {
  if (WholeCart()) return true;
  for (const std::string& c : categories) {
    if (InCategory(category, c)) return true;
  }
  for (const std::string& p : product_ids) {
    if (p == product_id) return true;
  }
  return false;
}

bool CompiledShipping::Serves(std::string_view region) const {
  if (regions.empty()) return true;
  return std::find(regions.begin(), regions.end(), region) != regions.end();
}

TaxRateLookup::TaxRateLookup(const CompiledPolicy& policy, std::string_view region) {
  if (!region.empty()) {
    auto it = policy.tax_rates.find(ToAbsl(region));
    if (it != policy.tax_rates.end()) region_ = &it->second;
  }
  auto any = policy.tax_rates.find("");
  if (any != policy.tax_rates.end()) any_ = &any->second;
}

Fraction TaxRateLookup::RateFor(std::string_view category) const {
  for (const CategoryRates* rates : {region_, any_}) {
    if (rates == nullptr) continue;
    // The most specific rate along the category path wins.
    for (std::string_view c = category; !c.empty(); c = ParentCategory(c)) {
      auto it = rates->find(ToAbsl(c));
      if (it != rates->end()) return it->second;
    }
    auto any = rates->find("");
    if (any != rates->end()) return any->second;
  }
  return Fraction{0, 1};
}

std::string NormalizeCode(std::string_view code) {
  std::string upper(code);
  absl::AsciiStrToUpper(&upper);
  return upper;
}

namespace {

// Minor units of a policy amount, which must be in the policy's currency.
absl::StatusOr<int64_t> PolicyAmount(const v1::Money& proto, std::string_view currency,
                                     std::string_view field) {
  absl::StatusOr<Money> money = MoneyFromProto(proto);
  if (!money.ok()) return Annotate(money.status(), field);
  if (money->currency() != currency) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": amount ", money->ToString(),
                                                   " is not in the policy's currency ",
                                                   ToAbsl(currency)));
  }
  if (money->is_negative()) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(field), ": amount ", money->ToString(), " is negative"));
  }
  return money->minor_units();
}

absl::StatusOr<absl::Time> PolicyTime(const google::protobuf::Timestamp& t,
                                      std::string_view field) {
  if (t.nanos() < 0 || t.nanos() > 999'999'999) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(field), ": nanos ", t.nanos(), " out of range"));
  }
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

absl::Status CompileTax(const v1::TaxPolicy& tax, CompiledPolicy* out) {
  out->prices_include_tax = tax.prices_include_tax();
  switch (tax.calculation()) {
    case v1::TaxPolicy::PER_LINE:
      out->tax_per_unit = false;
      break;
    case v1::TaxPolicy::PER_UNIT:
      out->tax_per_unit = true;
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("tax.calculation: unknown value ", tax.calculation()));
  }
  for (int i = 0; i < tax.rates_size(); ++i) {
    const v1::TaxRate& rate = tax.rates(i);
    const std::string field = absl::StrCat("tax.rates[", i, "]");
    absl::StatusOr<Fraction> fraction = ParsePercent(rate.percent(), /*allow_zero=*/true);
    if (!fraction.ok()) return Annotate(fraction.status(), field);
    auto [it, inserted] = out->tax_rates[rate.region()].emplace(rate.category(), *fraction);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(field, ": a second rate for region \"",
                                                     rate.region(), "\" and category \"",
                                                     rate.category(), "\""));
    }
  }
  return absl::OkStatus();
}

absl::Status CompileCodes(const v1::CartPolicy& proto, CompiledPolicy* out) {
  for (int i = 0; i < proto.discount_codes_size(); ++i) {
    const v1::DiscountCode& code = proto.discount_codes(i);
    const std::string field = absl::StrCat("discount_codes[", i, "] (\"", code.code(), "\")");
    CompiledCode c;
    c.code = NormalizeCode(code.code());
    if (c.code.empty()) return absl::InvalidArgumentError(absl::StrCat(field, ": empty code"));
    switch (code.value_case()) {
      case v1::DiscountCode::kPercent: {
        c.is_percent = true;
        absl::StatusOr<Fraction> percent = ParsePercent(code.percent(), /*allow_zero=*/false);
        if (!percent.ok()) return Annotate(percent.status(), field);
        c.percent = *percent;
        break;
      }
      case v1::DiscountCode::kAmount: {
        CHATCART_ASSIGN_OR_RETURN(c.amount,
                                  PolicyAmount(code.amount(), out->currency, field + ".amount"));
        if (c.amount == 0) {
          return absl::InvalidArgumentError(absl::StrCat(field, ": amount must be more than 0"));
        }
        break;
      }
      default:
        return absl::InvalidArgumentError(absl::StrCat(field, ": needs a percent or an amount"));
    }
    c.categories.assign(code.categories().begin(), code.categories().end());
    c.product_ids.assign(code.product_ids().begin(), code.product_ids().end());
    if (code.has_min_subtotal()) {
      CHATCART_ASSIGN_OR_RETURN(c.min_subtotal, PolicyAmount(code.min_subtotal(), out->currency,
                                                             field + ".min_subtotal"));
    }
    if (code.has_expires_at()) {
      CHATCART_ASSIGN_OR_RETURN(c.expires_at, PolicyTime(code.expires_at(), field + ".expires_at"));
    }
    c.stackable = code.stackable();
    c.sort_order = code.sort_order();
    if (!out->code_index.emplace(c.code, static_cast<uint32_t>(out->codes.size())).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": code ", c.code, " appears twice (codes ignore case)"));
    }
    out->codes.push_back(std::move(c));
  }
  return absl::OkStatus();
}

absl::Status CompileShipping(const v1::CartPolicy& proto, CompiledPolicy* out) {
  for (int i = 0; i < proto.shipping_methods_size(); ++i) {
    const v1::ShippingMethod& method = proto.shipping_methods(i);
    const std::string field = absl::StrCat("shipping_methods[", i, "] (\"", method.id(), "\")");
    CompiledShipping s;
    s.id = method.id();
    if (s.id.empty()) return absl::InvalidArgumentError(absl::StrCat(field, ": empty id"));
    s.name = method.name();
    if (!method.has_price()) {
      return absl::InvalidArgumentError(absl::StrCat(field, ": needs a price (0 for free)"));
    }
    CHATCART_ASSIGN_OR_RETURN(s.price,
                              PolicyAmount(method.price(), out->currency, field + ".price"));
    if (method.has_free_above()) {
      CHATCART_ASSIGN_OR_RETURN(
          s.free_above, PolicyAmount(method.free_above(), out->currency, field + ".free_above"));
    }
    s.regions.assign(method.regions().begin(), method.regions().end());
    if (!out->shipping_index.emplace(s.id, static_cast<uint32_t>(out->shipping.size())).second) {
      return absl::InvalidArgumentError(absl::StrCat(field, ": id appears twice"));
    }
    out->shipping.push_back(std::move(s));
  }
  return absl::OkStatus();
}

absl::Status CompileGuardrails(const v1::CartPolicy& proto, CompiledPolicy* out) {
  const v1::Guardrails& g = proto.guardrails();
  if (g.has_spending_cap()) {
    CHATCART_ASSIGN_OR_RETURN(out->spending_cap, PolicyAmount(g.spending_cap(), out->currency,
                                                              "guardrails.spending_cap"));
  }
  if (g.has_confirmation_threshold()) {
    CHATCART_ASSIGN_OR_RETURN(out->confirmation_threshold,
                              PolicyAmount(g.confirmation_threshold(), out->currency,
                                           "guardrails.confirmation_threshold"));
  }
  out->max_quantity_per_line =
      g.max_quantity_per_line() == 0
          ? kMaxQuantityPerLine
          : std::min<int64_t>(g.max_quantity_per_line(), kMaxQuantityPerLine);
  out->max_lines = g.max_lines() == 0 ? kMaxLines : std::min(g.max_lines(), kMaxLines);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<const CompiledPolicy>> Compile(const v1::CartPolicy& proto) {
  auto out = std::make_unique<CompiledPolicy>();
  absl::StatusOr<Money> zero = Money::Zero(proto.currency());
  if (!zero.ok()) return Annotate(zero.status(), "currency");
  out->currency = proto.currency();
  out->zero = *zero;
  switch (proto.rounding()) {
    case v1::CartPolicy::HALF_EVEN:
      out->rounding = RoundingMode::kHalfEven;
      break;
    case v1::CartPolicy::HALF_UP:
      out->rounding = RoundingMode::kHalfUp;
      break;
    case v1::CartPolicy::DOWN:
      out->rounding = RoundingMode::kDown;
      break;
    default:
      return absl::InvalidArgumentError(absl::StrCat("rounding: unknown value ", proto.rounding()));
  }
  CHATCART_RETURN_IF_ERROR(CompileTax(proto.tax(), out.get()));
  CHATCART_RETURN_IF_ERROR(CompileCodes(proto, out.get()));
  out->max_codes_per_cart =
      proto.max_codes_per_cart() == 0 ? kDefaultMaxCodes : proto.max_codes_per_cart();
  CHATCART_RETURN_IF_ERROR(CompileShipping(proto, out.get()));
  CHATCART_RETURN_IF_ERROR(CompileGuardrails(proto, out.get()));
  if (proto.idempotency_window() > kMaxIdempotencyWindow) {
    return absl::InvalidArgumentError(absl::StrCat(
        "idempotency_window: ", proto.idempotency_window(), " is above ", kMaxIdempotencyWindow));
  }
  out->idempotency_window =
      proto.idempotency_window() == 0 ? kDefaultIdempotencyWindow : proto.idempotency_window();
  return std::unique_ptr<const CompiledPolicy>(std::move(out));
}

}  // namespace cart_internal

CartPolicy::CartPolicy() = default;
CartPolicy::~CartPolicy() = default;

absl::StatusOr<std::shared_ptr<const CartPolicy>> CartPolicy::Create(const v1::CartPolicy& proto) {
  absl::StatusOr<std::unique_ptr<const cart_internal::CompiledPolicy>> compiled =
      cart_internal::Compile(proto);
  if (!compiled.ok()) return Annotate(compiled.status(), "cart policy");
  std::shared_ptr<CartPolicy> policy(new CartPolicy());
  policy->proto_ = std::make_unique<v1::CartPolicy>(proto);
  policy->compiled_ = *std::move(compiled);
  return std::shared_ptr<const CartPolicy>(std::move(policy));
}

absl::StatusOr<std::shared_ptr<const CartPolicy>> CartPolicy::FromJson(std::string_view json) {
  v1::CartPolicy proto;
  // The parser's complaint echoed (#22): it quotes the input.
  if (absl::Status parsed = JsonToMessage(json, "cart policy JSON", &proto); !parsed.ok()) {
    return parsed;
  }
  return Create(proto);
}

std::string_view CartPolicy::currency() const { return compiled_->currency; }
const v1::CartPolicy& CartPolicy::proto() const { return *proto_; }

}  // namespace chatcart
