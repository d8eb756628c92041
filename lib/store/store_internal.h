// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What every SessionStore implementation shares: argument checks with the
// same messages, the conflict error, the clock default.

#ifndef CHATCART_STORE_STORE_INTERNAL_H_
#define CHATCART_STORE_STORE_INTERNAL_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "chatcart/limits.h"
#include "chatcart/store.h"

namespace chatcart::store_internal {

// INVALID_ARGUMENT unless `id` is 1 to 512 bytes without '{', '}' or NUL.
// `what` names the argument ("session id", "shopper"). What reads, lists or
// deletes takes: any other bytes, so that a record saved before ids had to
// be UTF-8 can still be loaded and forgotten.
absl::Status CheckId(std::string_view what, std::string_view id);
// CheckId, and well-formed UTF-8 (#22): what a store creates a record, a
// lease or a timer under, and what the runtime takes as a conversation id.
// An ill-formed id would reach protobuf string fields (a session's id, the
// desk's records, a response) and Python's str.
absl::Status CheckNewId(std::string_view what, std::string_view id);
// CheckId for a shopper, which may also be empty.
absl::Status CheckShopper(std::string_view shopper);
// CheckNewId for a shopper, which may also be empty.
absl::Status CheckNewShopper(std::string_view shopper);
// The id, shopper, expected version and expiry of a save (CheckNewId).
absl::Status CheckWrite(const SessionWrite& write);
// The id and owner of a lease (CheckNewId), a positive ttl.
absl::Status CheckLease(std::string_view id, std::string_view owner, int64_t ttl_ms);
// A timer kind: 1 to 64 of [a-z0-9_].
absl::Status CheckTimerKind(std::string_view kind);
// A timer's id (CheckNewId), kind and due time.
absl::Status CheckTimer(const StoredTimer& timer);
absl::Status CheckDueTimers(int limit);

// ABORTED for a save of `id` that expected `expected` where `stored` is
// stored (0: none).
absl::Status Conflict(std::string_view id, int64_t expected, int64_t stored);

// `clock`, or the system clock when it is empty.
StoreClock ClockOrSystem(StoreClock clock);

}  // namespace chatcart::store_internal

#endif  // CHATCART_STORE_STORE_INTERNAL_H_
