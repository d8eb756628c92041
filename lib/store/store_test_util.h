// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Test helpers shared by the store tests: a settable clock, and the
// read-modify-write loop every caller of a compare-and-set store writes.

#ifndef CHATCART_STORE_STORE_TEST_UTIL_H_
#define CHATCART_STORE_STORE_TEST_UTIL_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "chatcart/store.h"

namespace chatcart::testing {

// A clock tests move by hand; starts at 2026-11-23T10:00:00Z.
class FakeClock {
 public:
  int64_t now() const { return now_.load(); }
  void Advance(int64_t ms) { now_ += ms; }
  StoreClock AsStoreClock() {
    return [this] { return now(); };
  }

 private:
  std::atomic<int64_t> now_{1795428000000};
};

// Increments the decimal counter stored as conversation `id` (0 when there is
// none), reloading and trying again on every conflict: the pattern the
// runtime follows. Returns the version it saved, or the first error that is
// not a conflict. `conflicts`, when given, counts the retries.
inline absl::StatusOr<int64_t> IncrementCounter(SessionStore& store, std::string_view id,
                                                std::string_view shopper = "",
                                                int* conflicts = nullptr) {
  for (;;) {
    int64_t counter = 0;
    int64_t version = 0;
    absl::StatusOr<StoredSession> loaded = store.Load(id);
    if (loaded.ok()) {
      version = loaded->version;
      if (!absl::SimpleAtoi(loaded->value, &counter)) {
        return absl::DataLossError(absl::StrCat("counter \"", loaded->value, "\""));
      }
    } else if (!absl::IsNotFound(loaded.status())) {
      return loaded.status();
    }
    std::string value = absl::StrCat(counter + 1);
    absl::StatusOr<int64_t> saved = store.Save(
        {.id = id, .shopper = shopper, .value = value, .expected_version = version});
    if (!absl::IsAborted(saved.status())) return saved;
    if (conflicts != nullptr) ++*conflicts;
  }
}

}  // namespace chatcart::testing

#endif  // CHATCART_STORE_STORE_TEST_UTIL_H_
