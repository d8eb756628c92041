// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/store.h"

#include <chrono>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/echo.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "common/utf8_scrub.h"
#include "store/store_internal.h"

namespace chatcart {

int64_t SystemClockMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

SessionStore::~SessionStore() = default;

absl::StatusOr<int64_t> SessionStore::DeleteShopper(std::string_view shopper) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckId("shopper", shopper));
  CHATCART_ASSIGN_OR_RETURN(std::vector<StoredSessionInfo> sessions, ListByShopper(shopper));
  for (const StoredSessionInfo& info : sessions) CHATCART_RETURN_IF_ERROR(Delete(info.id));
  return static_cast<int64_t>(sessions.size());
}

namespace store_internal {

absl::Status CheckId(std::string_view what, std::string_view id) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat(ToAbsl(what), " is empty"));
  if (id.size() > kMaxIdBytes) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s is %d bytes, over the limit of %d (kMaxIdBytes)", what, id.size(), kMaxIdBytes));
  }
  if (size_t at = id.find_first_of(std::string_view("{}\0", 3)); at != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s \"%s\": byte %d is '%s', which is reserved ('{', '}' delimit Redis hash tags; NUL)",
        what, Echo(id), at, id[at] == '\0' ? "\\0" : std::string(1, id[at])));
  }
  return absl::OkStatus();
}

absl::Status CheckNewId(std::string_view what, std::string_view id) {
  CHATCART_RETURN_IF_ERROR(CheckId(what, id));
  for (size_t at = 0; at < id.size();) {
    size_t bad = 0;
    const size_t n = Utf8Sequence(id, at, &bad);
    if (n == 0) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s \"%s\" is not well-formed UTF-8 (byte %d; shown with U+FFFD)", what, Echo(id), at));
    }
    at += n;
  }
  return absl::OkStatus();
}

absl::Status CheckShopper(std::string_view shopper) {
  return shopper.empty() ? absl::OkStatus() : CheckId("shopper", shopper);
}

absl::Status CheckNewShopper(std::string_view shopper) {
  return shopper.empty() ? absl::OkStatus() : CheckNewId("shopper", shopper);
}

absl::Status CheckWrite(const SessionWrite& write) {
  CHATCART_RETURN_IF_ERROR(CheckNewId("session id", write.id));
  CHATCART_RETURN_IF_ERROR(CheckNewShopper(write.shopper));
  if (write.expected_version < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "session \"%s\": expected_version %d is negative", write.id, write.expected_version));
  }
  if (write.expires_at_ms < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "session \"%s\": expires_at_ms %d is negative", write.id, write.expires_at_ms));
  }
  return absl::OkStatus();
}

absl::Status CheckLease(std::string_view id, std::string_view owner, int64_t ttl_ms) {
  CHATCART_RETURN_IF_ERROR(CheckNewId("session id", id));
  CHATCART_RETURN_IF_ERROR(CheckNewId("lease owner", owner));
  if (ttl_ms <= 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("lease on \"%s\": ttl_ms %d is not positive", id, ttl_ms));
  }
  return absl::OkStatus();
}

absl::Status CheckTimerKind(std::string_view kind) {
  bool ok = !kind.empty() && kind.size() <= 64;
  for (char ch : kind) ok = ok && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_');
  if (!ok) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "timer kind \"%s\" is not 1 to 64 of [a-z0-9_]", kind.substr(0, 80)));
  }
  return absl::OkStatus();
}

absl::Status CheckTimer(const StoredTimer& timer) {
  CHATCART_RETURN_IF_ERROR(CheckNewId("session id", timer.id));
  CHATCART_RETURN_IF_ERROR(CheckTimerKind(timer.kind));
  if (timer.due_at_ms < 0 || timer.due_at_ms >= (int64_t{1} << 53)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "timer %s of session \"%s\": due_at_ms %d is not in [0, 2^53)", timer.kind, timer.id,
        timer.due_at_ms));
  }
  return absl::OkStatus();
}

absl::Status CheckDueTimers(int limit) {
  if (limit < 1) {
    return absl::InvalidArgumentError(absl::StrFormat("DueTimers: limit %d < 1", limit));
  }
  return absl::OkStatus();
}

absl::Status Conflict(std::string_view id, int64_t expected, int64_t stored) {
  if (stored == 0) {
    return absl::AbortedError(absl::StrFormat(
        "session \"%s\": version conflict: expected version %d, but none is stored (deleted or "
        "expired)",
        id, expected));
  }
  return absl::AbortedError(absl::StrFormat(
      "session \"%s\": version conflict: expected version %d, stored version is %d", id,
      expected, stored));
}

StoreClock ClockOrSystem(StoreClock clock) {
  return clock ? std::move(clock) : StoreClock(&SystemClockMillis);
}

}  // namespace store_internal
}  // namespace chatcart
