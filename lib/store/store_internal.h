// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What every SessionStore implementation shares: argument checks with the
// same messages, the conflict error, the clock default.

#ifndef CHATCART_STORE_STORE_INTERNAL_H_
#define CHATCART_STORE_STORE_INTERNAL_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "chatcart/store.h"

namespace chatcart::store_internal {

inline constexpr size_t kMaxIdBytes = 512;

// INVALID_ARGUMENT unless `id` is 1 to 512 bytes without '{', '}' or NUL.
// `what` names the argument ("session id", "shopper").
absl::Status CheckId(std::string_view what, std::string_view id);
// CheckId for a shopper, which may also be empty.
absl::Status CheckShopper(std::string_view shopper);
// The id, shopper, expected version and expiry of a save.
absl::Status CheckWrite(const SessionWrite& write);
absl::Status CheckLease(std::string_view id, std::string_view owner, int64_t ttl_ms);
// A timer kind: 1 to 64 of [a-z0-9_].
absl::Status CheckTimerKind(std::string_view kind);
absl::Status CheckTimer(const StoredTimer& timer);
absl::Status CheckDueTimers(int limit);

// ABORTED for a save of `id` that expected `expected` where `stored` is
// stored (0: none).
absl::Status Conflict(std::string_view id, int64_t expected, int64_t stored);

// `clock`, or the system clock when it is empty.
StoreClock ClockOrSystem(StoreClock clock);

}  // namespace chatcart::store_internal

#endif  // CHATCART_STORE_STORE_INTERNAL_H_
