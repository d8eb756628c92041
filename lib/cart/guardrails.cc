// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Guardrails: a refusal is a clear error, never a silent change.

#include "absl/strings/str_cat.h"
#include "cart/apply.h"
#include "cart/pricing.h"
#include "common/status_macros.h"

namespace chatcart::cart_internal {

absl::StatusOr<CartTotals> TotalsOf(const CompiledPolicy& policy, const CartState& state) {
  CartTotals totals;
  CHATCART_RETURN_IF_ERROR(ComputeTotals(
      policy, {state.lines, state.discount_codes, state.shipping_method, state.region}, &totals));
  return totals;
}

absl::Status CheckQuantityLimit(const CompiledPolicy& policy, int64_t quantity,
                                std::string_view what) {
  if (quantity > policy.max_quantity_per_line) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToAbsl(what), ": guardrail: at most ", policy.max_quantity_per_line,
                     " units per line (asked for ", quantity, ")"));
  }
  return absl::OkStatus();
}

absl::Status CheckRoomForLine(const CompiledPolicy& policy, const CartState& state) {
  if (state.lines.size() >= policy.max_lines) {
    return absl::FailedPreconditionError(absl::StrCat(
        "guardrail: a cart holds at most ", policy.max_lines, " lines; remove one first"));
  }
  return absl::OkStatus();
}

absl::Status CheckPurchaseAllowed(const CartState& state) {
  if (state.buyer.purchase_blocked) {
    return absl::PermissionDeniedError(
        "guardrail: purchases are blocked for this buyer's profile; a bot or an agent can lift "
        "the block");
  }
  return absl::OkStatus();
}

absl::Status CheckNewState(const CompiledPolicy& policy, const CartState& before,
                           const CartState& next) {
  CHATCART_ASSIGN_OR_RETURN(CartTotals after, TotalsOf(policy, next));
  if (!policy.spending_cap.has_value()) return absl::OkStatus();
  int64_t spending;
  if (__builtin_add_overflow(next.spent, after.grand_total.minor_units(), &spending)) {
    return absl::OutOfRangeError("session spending overflows int64 minor units");
  }
  if (spending <= *policy.spending_cap) return absl::OkStatus();
  // Over the cap: refuse only what raises the spending. `before` was priced
  // when it was committed, but its spending may overflow (it may have been
  // restored under a policy that had no cap): then nothing can raise it.
  CHATCART_ASSIGN_OR_RETURN(CartTotals previous, TotalsOf(policy, before));
  int64_t spending_before;
  if (__builtin_add_overflow(before.spent, previous.grand_total.minor_units(), &spending_before) ||
      spending <= spending_before) {
    return absl::OkStatus();
  }
  const Money cap = policy.zero.WithMinorUnits(*policy.spending_cap);
  return absl::FailedPreconditionError(absl::StrCat(
      "guardrail: the session's spending cap is ", cap.ToString(), "; this would bring it to ",
      policy.zero.WithMinorUnits(spending).ToString(),
      next.spent > 0 ? absl::StrCat(" (", policy.zero.WithMinorUnits(next.spent).ToString(),
                                    " already ordered)")
                     : ""));
}

absl::Status CheckCodesUnexpired(const CompiledPolicy& policy, const CartState& state,
                                 absl::Time time) {
  for (const std::string& code : state.discount_codes) {
    const CompiledCode* compiled = policy.FindCode(code);
    if (compiled != nullptr && compiled->expires_at.has_value() && time >= *compiled->expires_at) {
      return absl::FailedPreconditionError(absl::StrCat("discount code ", code, " expired at ",
                                                        TimeText(*compiled->expires_at),
                                                        "; remove it to continue"));
    }
  }
  return absl::OkStatus();
}

std::string TimeText(absl::Time time) {
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", time, absl::UTCTimeZone());
}

}  // namespace chatcart::cart_internal
