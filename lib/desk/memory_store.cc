// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The in-memory DeskStore: records in hash maps, ordered sets as GNU
// order-statistic red-black trees (libstdc++'s policy-based data structures:
// rank and select in O(log n)), all behind one mutex.

#include <cstdint>
#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "chatcart/desk_store.h"
#include "common/mutex.h"
#include "common/strings.h"

namespace chatcart {
namespace {

using SetKey = std::pair<int64_t, std::string>;
using OrderedTree =
    __gnu_pbds::tree<SetKey, __gnu_pbds::null_type, std::less<SetKey>, __gnu_pbds::rb_tree_tag,
                     __gnu_pbds::tree_order_statistics_node_update>;

struct OrderedSet {
  OrderedTree tree;
  absl::flat_hash_map<std::string, int64_t> scores;

  void Add(const std::string& member, int64_t score) {
    auto [it, inserted] = scores.try_emplace(member, score);
    if (!inserted) {
      if (it->second == score) return;
      tree.erase(SetKey(it->second, member));
      it->second = score;
    }
    tree.insert(SetKey(score, member));
  }
  void Remove(const std::string& member) {
    auto it = scores.find(member);
    if (it == scores.end()) return;
    tree.erase(SetKey(it->second, member));
    scores.erase(it);
  }
};

// Whether `stored` may be replaced by a record of version `next`.
template <typename Map>
absl::Status CheckVersion(const Map& map, const std::string& id, uint64_t next,
                          std::string_view kind) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat("desk store: ", ToAbsl(kind), " without an id"));
  if (next == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("desk store: ", ToAbsl(kind), " \"", ToAbsl(id), "\" written with version 0"));
  }
  auto it = map.find(id);
  uint64_t stored = it == map.end() ? 0 : it->second.version();
  if (stored + 1 != next) {
    return absl::AbortedError(absl::StrCat("desk store: ", ToAbsl(kind), " \"", ToAbsl(id), "\" is at version ",
                                           stored, ", not ", next - 1));
  }
  return absl::OkStatus();
}

class InMemoryDeskStore final : public DeskStore {
 public:
  absl::StatusOr<std::optional<v1::DeskConversation>> GetConversation(
      std::string_view id) const override {
    MutexLock lock(&mu_);
    return Find(conversations_, id);
  }
  absl::StatusOr<std::optional<v1::DeskAgent>> GetAgent(std::string_view id) const override {
    MutexLock lock(&mu_);
    return Find(agents_, id);
  }
  absl::StatusOr<std::optional<v1::DeskQueueStats>> GetQueueStats(
      std::string_view queue) const override {
    MutexLock lock(&mu_);
    return Find(stats_, queue);
  }

  absl::StatusOr<std::vector<v1::DeskMessage>> GetMessages(
      std::string_view conversation_id) const override {
    MutexLock lock(&mu_);
    auto it = messages_.find(ToAbsl(conversation_id));
    if (it == messages_.end()) return std::vector<v1::DeskMessage>();
    return it->second;
  }

  absl::StatusOr<std::optional<int64_t>> Rank(std::string_view set,
                                              std::string_view member) const override {
    MutexLock lock(&mu_);
    auto s = sets_.find(ToAbsl(set));
    if (s == sets_.end()) return std::optional<int64_t>();
    auto m = s->second.scores.find(ToAbsl(member));
    if (m == s->second.scores.end()) return std::optional<int64_t>();
    return std::optional<int64_t>(
        static_cast<int64_t>(s->second.tree.order_of_key(SetKey(m->second, std::string(member)))));
  }

  absl::StatusOr<int64_t> Count(std::string_view set) const override {
    MutexLock lock(&mu_);
    auto s = sets_.find(ToAbsl(set));
    return s == sets_.end() ? 0 : static_cast<int64_t>(s->second.scores.size());
  }

  absl::StatusOr<int64_t> CountBelow(std::string_view set, int64_t score) const override {
    MutexLock lock(&mu_);
    auto s = sets_.find(ToAbsl(set));
    if (s == sets_.end()) return 0;
    return static_cast<int64_t>(s->second.tree.order_of_key(SetKey(score, std::string())));
  }

  absl::StatusOr<std::vector<DeskSetEntry>> Range(std::string_view set, int64_t start,
                                                  int64_t limit) const override {
    if (start < 0 || limit < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("desk store: range of \"", ToAbsl(set), "\" from ", start, " limit ", limit));
    }
    MutexLock lock(&mu_);
    std::vector<DeskSetEntry> out;
    auto s = sets_.find(ToAbsl(set));
    if (s == sets_.end()) return out;
    const OrderedTree& tree = s->second.tree;
    if (static_cast<size_t>(start) >= tree.size()) return out;
    out.reserve(std::min<size_t>(static_cast<size_t>(limit), tree.size() - start));
    for (auto it = tree.find_by_order(static_cast<size_t>(start));
         it != tree.end() && static_cast<int64_t>(out.size()) < limit; ++it) {
      out.push_back({it->second, it->first});
    }
    return out;
  }

  absl::StatusOr<int64_t> Increment(std::string_view name) override {
    MutexLock lock(&mu_);
    return ++counters_[std::string(name)];
  }

  absl::Status Commit(const DeskWrite& write) override {
    MutexLock lock(&mu_);
    for (const auto& c : write.conversations) {
      if (absl::Status s = CheckVersion(conversations_, c.id(), c.version(), "conversation");
          !s.ok()) {
        return s;
      }
    }
    for (const auto& a : write.agents) {
      if (absl::Status s = CheckVersion(agents_, a.id(), a.version(), "agent"); !s.ok()) return s;
    }
    for (const auto& q : write.queue_stats) {
      if (absl::Status s = CheckVersion(stats_, q.queue(), q.version(), "queue stats"); !s.ok()) {
        return s;
      }
    }
    for (const auto& c : write.conversations) conversations_[c.id()] = c;
    for (const auto& a : write.agents) agents_[a.id()] = a;
    for (const auto& q : write.queue_stats) stats_[q.queue()] = q;
    for (const auto& op : write.set_ops) {
      if (op.remove) {
        auto s = sets_.find(op.set);
        if (s != sets_.end()) s->second.Remove(op.member);
      } else {
        sets_[op.set].Add(op.member, op.score);
      }
    }
    for (const auto& m : write.messages) messages_[m.conversation_id()].push_back(m);
    return absl::OkStatus();
  }

 private:
  template <typename Map>
  static auto Find(const Map& map, std::string_view id)
      -> std::optional<typename Map::mapped_type> {
    auto it = map.find(ToAbsl(id));
    if (it == map.end()) return std::nullopt;
    return it->second;
  }

  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, v1::DeskConversation> conversations_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, v1::DeskAgent> agents_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, v1::DeskQueueStats> stats_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::vector<v1::DeskMessage>> messages_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, OrderedSet> sets_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, int64_t> counters_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

std::shared_ptr<DeskStore> NewInMemoryDeskStore() { return std::make_shared<InMemoryDeskStore>(); }

}  // namespace chatcart
