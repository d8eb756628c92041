// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The in-memory SessionStore: a hash map of conversations and an index by
// shopper behind one mutex. Expired entries are dropped when touched.

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "chatcart/store.h"
#include "common/mutex.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "store/store_internal.h"

namespace chatcart {
namespace {

using store_internal::CheckId;

struct Lease {
  std::string owner;
  int64_t until_ms = 0;
};

class MemorySessionStore final : public SessionStore {
 public:
  explicit MemorySessionStore(MemoryStoreOptions options)
      : clock_(store_internal::ClockOrSystem(std::move(options.clock))) {}

  absl::StatusOr<StoredSession> Load(std::string_view id) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    int64_t now = clock_();
    MutexLock lock(&mu_);
    const StoredSession* found = FindLive(id, now);
    if (found == nullptr) {
      return absl::NotFoundError(absl::StrFormat("session \"%s\" not found", id));
    }
    return *found;
  }

  absl::StatusOr<int64_t> Save(const SessionWrite& write) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckWrite(write));
    int64_t now = clock_();
    MutexLock lock(&mu_);
    StoredSession* found = FindLive(write.id, now);
    int64_t stored = found == nullptr ? 0 : found->version;
    if (stored != write.expected_version) {
      return store_internal::Conflict(write.id, write.expected_version, stored);
    }
    if (found == nullptr) {
      found = &sessions_[std::string(write.id)];
      found->id = std::string(write.id);
    }
    if (found->shopper != write.shopper) {
      Unindex(found->shopper, found->id);
      found->shopper = std::string(write.shopper);
      if (!found->shopper.empty()) by_shopper_[found->shopper].insert(found->id);
    }
    found->value = std::string(write.value);
    found->version = write.expected_version + 1;
    found->expires_at_ms = write.expires_at_ms;
    found->updated_at_ms = now;
    return found->version;
  }

  absl::Status Delete(std::string_view id) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    MutexLock lock(&mu_);
    Erase(id);
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<StoredSessionInfo>> ListByShopper(
      std::string_view shopper) override {
    CHATCART_RETURN_IF_ERROR(CheckId("shopper", shopper));
    int64_t now = clock_();
    MutexLock lock(&mu_);
    std::vector<StoredSessionInfo> out;
    auto it = by_shopper_.find(shopper);
    if (it == by_shopper_.end()) return out;
    std::vector<std::string> ids(it->second.begin(), it->second.end());  // FindLive may erase
    for (const std::string& id : ids) {
      if (const StoredSession* s = FindLive(id, now); s != nullptr) {
        out.push_back({s->id, s->version, s->expires_at_ms, s->updated_at_ms});
      }
    }
    return out;
  }

  absl::StatusOr<bool> TryAcquireLease(std::string_view id, std::string_view owner,
                                       int64_t ttl_ms) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckLease(id, owner, ttl_ms));
    int64_t now = clock_();
    MutexLock lock(&mu_);
    auto [it, inserted] = leases_.try_emplace(std::string(id));
    Lease& lease = it->second;
    if (!inserted && lease.owner != owner && lease.until_ms > now) return false;
    lease.owner = std::string(owner);
    lease.until_ms = now + ttl_ms;
    return true;
  }

  absl::Status ReleaseLease(std::string_view id, std::string_view owner) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    MutexLock lock(&mu_);
    if (auto it = leases_.find(ToAbsl(id)); it != leases_.end() && it->second.owner == owner) {
      leases_.erase(it);
    }
    return absl::OkStatus();
  }

  absl::Status SetTimer(const StoredTimer& timer) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckTimer(timer));
    MutexLock lock(&mu_);
    EraseTimer(timer.id, timer.kind);
    timer_due_[{timer.id, timer.kind}] = timer.due_at_ms;
    timers_.insert({timer.due_at_ms, timer.id, timer.kind});
    return absl::OkStatus();
  }

  absl::Status CancelTimer(std::string_view id, std::string_view kind) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    CHATCART_RETURN_IF_ERROR(store_internal::CheckTimerKind(kind));
    MutexLock lock(&mu_);
    EraseTimer(std::string(id), std::string(kind));
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<StoredTimer>> DueTimers(int64_t now_ms, int limit) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckDueTimers(limit));
    MutexLock lock(&mu_);
    std::vector<StoredTimer> out;
    for (const auto& [due, id, kind] : timers_) {
      if (due > now_ms || static_cast<int>(out.size()) >= limit) break;
      out.push_back({id, kind, due});
    }
    return out;
  }

 private:
  // The unexpired conversation `id`, or null (dropping an expired one).
  StoredSession* FindLive(std::string_view id, int64_t now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = sessions_.find(ToAbsl(id));
    if (it == sessions_.end()) return nullptr;
    if (it->second.expires_at_ms != 0 && it->second.expires_at_ms <= now) {
      Erase(id);
      return nullptr;
    }
    return &it->second;
  }

  void Erase(std::string_view id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = sessions_.find(ToAbsl(id));
    if (it == sessions_.end()) return;
    Unindex(it->second.shopper, it->second.id);
    sessions_.erase(it);
  }

  void Unindex(const std::string& shopper, const std::string& id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (shopper.empty()) return;
    auto it = by_shopper_.find(shopper);
    if (it == by_shopper_.end()) return;
    it->second.erase(id);
    if (it->second.empty()) by_shopper_.erase(it);
  }

  void EraseTimer(const std::string& id, const std::string& kind)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = timer_due_.find(std::make_pair(id, kind));
    if (it == timer_due_.end()) return;
    timers_.erase({it->second, id, kind});
    timer_due_.erase(it);
  }

  const StoreClock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, StoredSession> sessions_ ABSL_GUARDED_BY(mu_);
  // Ordered, so ListByShopper returns ids in order.
  std::map<std::string, std::set<std::string>, std::less<>> by_shopper_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Lease> leases_ ABSL_GUARDED_BY(mu_);
  // The timer index, by (id, kind) and by (due, id, kind).
  absl::flat_hash_map<std::pair<std::string, std::string>, int64_t> timer_due_
      ABSL_GUARDED_BY(mu_);
  std::set<std::tuple<int64_t, std::string, std::string>> timers_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

std::unique_ptr<SessionStore> NewMemorySessionStore(MemoryStoreOptions options) {
  return std::make_unique<MemorySessionStore>(std::move(options));
}

}  // namespace chatcart
