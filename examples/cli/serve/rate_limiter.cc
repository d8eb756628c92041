// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/rate_limiter.h"

#include <algorithm>

namespace chatcart::serve {

bool RateLimiter::Allow(const std::string& key, Clock::time_point now) {
  const std::chrono::duration<double> refill = refill_;
  const auto full_after = refill_ * burst_;
  std::lock_guard<std::mutex> lock(mu_);
  if (now - swept_ > full_after) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      it = now - it->second.at > full_after ? buckets_.erase(it) : std::next(it);
    }
    swept_ = now;
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{static_cast<double>(burst_), now});
  Bucket& b = it->second;
  if (!fresh) {
    const std::chrono::duration<double> idle = now - b.at;
    b.tokens = std::min<double>(burst_, b.tokens + idle / refill);
    b.at = now;
  }
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

}  // namespace chatcart::serve
