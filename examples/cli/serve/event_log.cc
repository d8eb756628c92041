// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/event_log.h"

#include <random>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace chatcart::serve {
namespace {

std::string NewEpoch() {
  std::random_device rd;
  return absl::StrCat(std::uniform_int_distribution<uint32_t>(1, 999999999)(rd));
}

}  // namespace

EventLog::EventLog(size_t per_conversation, size_t conversations)
    : per_conversation_(per_conversation < 1 ? 1 : per_conversation),
      max_conversations_(conversations < 1 ? 1 : conversations),
      epoch_(NewEpoch()) {}

std::shared_ptr<EventLog::Conversation> EventLog::Get(const std::string& conversation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_id_.find(conversation);
  if (it != by_id_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second->lru);
    return it->second;
  }
  // The least recently touched conversation without a reader goes (a
  // reader's stream would otherwise miss what follows).
  for (auto victim = lru_.end(); by_id_.size() >= max_conversations_ && victim != lru_.begin();) {
    --victim;
    auto v = by_id_.find(*victim);
    if (v->second.use_count() > 1) continue;
    by_id_.erase(v);
    victim = lru_.erase(victim);
  }
  auto c = std::make_shared<Conversation>();
  lru_.push_front(conversation);
  c->lru = lru_.begin();
  by_id_.emplace(conversation, c);
  return c;
}

uint64_t EventLog::Append(const std::string& conversation, std::string type, std::string data) {
  return Add(conversation, "", std::move(type), std::move(data));
}

uint64_t EventLog::AppendOnce(const std::string& conversation, const std::string& key,
                              std::string type, std::string data) {
  return Add(conversation, key, std::move(type), std::move(data));
}

uint64_t EventLog::Add(const std::string& conversation, const std::string& key, std::string type,
                       std::string data) {
  std::shared_ptr<Conversation> c = Get(conversation);
  uint64_t seq;
  {
    std::lock_guard<std::mutex> lock(c->mu);
    if (!key.empty()) {
      for (const Event& e : c->events) {
        if (e.key == key) return 0;
      }
    }
    seq = c->next_seq++;
    c->events.push_back(Event{seq, std::move(type), std::move(data), key});
    while (c->events.size() > per_conversation_) c->events.pop_front();
  }
  c->cv.notify_all();
  return seq;
}

EventLog::Read EventLog::After(const std::string& conversation, uint64_t after,
                               std::chrono::milliseconds wait) {
  std::shared_ptr<Conversation> c = Get(conversation);
  Read read;
  std::unique_lock<std::mutex> lock(c->mu);
  auto ready = [&] {
    if (c->next_seq - 1 > after) return true;
    std::lock_guard<std::mutex> outer(mu_);
    return closed_;
  };
  if (!ready()) c->cv.wait_for(lock, wait, ready);
  if (!c->events.empty() && c->events.front().seq > after + 1) read.trimmed = true;
  for (const Event& e : c->events) {
    if (e.seq > after) read.events.push_back(e);
  }
  return read;
}

std::string EventLog::IdOf(uint64_t seq) const { return absl::StrCat(epoch_, ".", seq); }

uint64_t EventLog::SeqOf(std::string_view last_event_id) const {
  size_t dot = last_event_id.find('.');
  if (dot == std::string_view::npos || last_event_id.substr(0, dot) != epoch_) return 0;
  uint64_t seq = 0;
  std::string_view n = last_event_id.substr(dot + 1);
  if (!absl::SimpleAtoi(absl::string_view(n.data(), n.size()), &seq)) return 0;
  return seq;
}

void EventLog::Close() {
  std::vector<std::shared_ptr<Conversation>> all;
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    for (auto& [id, c] : by_id_) all.push_back(c);
  }
  for (auto& c : all) {
    // Taking the lock orders this wake-up after a reader's check.
    { std::lock_guard<std::mutex> lock(c->mu); }
    c->cv.notify_all();
  }
}

size_t EventLog::conversations() const {
  std::lock_guard<std::mutex> lock(mu_);
  return by_id_.size();
}

}  // namespace chatcart::serve
