// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The range of times chatcart keeps: that of a google.protobuf.Timestamp,
// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z. A time outside it
// cannot be written into a snapshot (its nanos would come out negative, and
// the JSON mapping refuses it), so it is refused where it enters. Pure
// functions; thread-safe.

#ifndef CHATCART_COMMON_TIME_H_
#define CHATCART_COMMON_TIME_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/strings.h"

namespace chatcart {

inline constexpr int64_t kMinTimestampSeconds = -62'135'596'800;  // 0001-01-01T00:00:00Z
inline constexpr int64_t kMaxTimestampSeconds = 253'402'300'799;  // 9999-12-31T23:59:59Z

inline bool InTimestampRange(absl::Time time) {
  return time >= absl::FromUnixSeconds(kMinTimestampSeconds) &&
         time < absl::FromUnixSeconds(kMaxTimestampSeconds + 1);
}

// Returns OK when `time` is in the range above, else INVALID_ARGUMENT naming
// `what` and the range.
inline absl::Status CheckTimestampRange(absl::Time time, std::string_view what) {
  if (InTimestampRange(time)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      ToAbsl(what), " ", absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", time, absl::UTCTimeZone()),
      " is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z"));
}

}  // namespace chatcart

#endif  // CHATCART_COMMON_TIME_H_
