// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// _chatcart.Store and _chatcart.Conversations: include/chatcart/store.h and
// runtime.h for the chatcart package (chatcart/_runtime.py). Both are safe
// for concurrent use, so calls release the GIL without a lock of their own.

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chatcart/runtime.h"
#include "chatcart/session.h"
#include "chatcart/store.h"
#include "chatcart/wire.h"
#include "common_py.h"
#include "desk_py.h"
#include "proto_py.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace py = pybind11;

namespace chatcart::python {
namespace {

struct PyStore {
  std::shared_ptr<SessionStore> store;
};

struct PyConversations {
  std::unique_ptr<Conversations> conversations;
};

// Runs `call` with the GIL released; raises its error with the GIL back.
template <typename Call>
auto Released(Call call) {
  decltype(call()) out = [&] {
    py::gil_scoped_release release;
    return call();
  }();
  return ValueOrThrow(std::move(out));
}

void Check(absl::Status status) {
  if (!status.ok()) ThrowStatus(status);
}

std::shared_ptr<PyStore> OpenStore(const std::string& url) {
  auto store = Released([&] { return OpenSessionStore(url); });
  return std::make_shared<PyStore>(PyStore{std::shared_ptr<SessionStore>(std::move(store))});
}

py::dict StoredToPython(const StoredSession& s) {
  py::dict out;
  out["id"] = s.id;
  out["shopper"] = s.shopper;
  out["value"] = py::bytes(s.value);
  out["version"] = s.version;
  out["expires_at_ms"] = s.expires_at_ms;
  out["updated_at_ms"] = s.updated_at_ms;
  return out;
}

py::dict OutputToPython(const ConversationOutput& o) {
  py::dict out;
  out["result"] = MessageToPython(o.result);
  out["version"] = o.version;
  out["applied_count"] = o.applied_count;
  out["duplicate"] = o.duplicate;
  out["restarted"] = o.restarted;
  out["conflicts"] = o.conflicts;
  py::list desk_events;
  for (const v1::DeskEvent& e : o.desk_events) desk_events.append(MessageToPython(e));
  out["desk_events"] = desk_events;
  out["desk_error"] = o.desk_status.ok() ? std::string() : o.desk_status.ToString();
  return out;
}

// Conversations from a chatcart.v1.ConversationsConfig in JSON, with an
// optional desk.
std::shared_ptr<PyConversations> CreateConversationsWith(const PyEngine& engine,
                                                         const PyStore& store,
                                                         const PyDesk* desk,
                                                         const std::string& config_json) {
  v1::ConversationsConfig config;
  if (!config_json.empty()) {
    if (absl::Status parsed = ParseJson(config_json, "chatcart.v1.ConversationsConfig", &config);
        !parsed.ok()) {
      ThrowStatus(parsed);
    }
  }
  ConversationsOptions options = ValueOrThrow(ConversationsOptionsFromConfig(config));
  options.engine = engine.engine;
  options.store = store.store;
  if (desk != nullptr) options.desk = desk->desk;
  auto made = ValueOrThrow(Conversations::Create(std::move(options)));
  return std::make_shared<PyConversations>(PyConversations{std::move(made)});
}

std::shared_ptr<PyConversations> CreateConversations(
    const PyEngine& engine, const PyStore& store, int64_t idle_expiry_ms, int remembered_messages,
    int remembered_results, int64_t cart_abandoned_after_ms, uint64_t seed,
    int max_conflict_retries, int64_t lease_ttl_ms, int64_t lease_wait_ms, std::string owner) {
  ConversationsOptions options;
  options.engine = engine.engine;
  options.store = store.store;
  options.idle_expiry = std::chrono::milliseconds(idle_expiry_ms);
  options.remembered_messages = remembered_messages;
  options.remembered_results = remembered_results;
  options.cart_abandoned_after = std::chrono::milliseconds(cart_abandoned_after_ms);
  options.seed = seed;
  options.max_conflict_retries = max_conflict_retries;
  options.lease_ttl = std::chrono::milliseconds(lease_ttl_ms);
  options.lease_wait = std::chrono::milliseconds(lease_wait_ms);
  options.owner = std::move(owner);
  auto made = ValueOrThrow(Conversations::Create(std::move(options)));
  return std::make_shared<PyConversations>(PyConversations{std::move(made)});
}

py::dict Handle(PyConversations& c, std::string conversation_id, std::string shopper,
                std::string message_id, const TurnArgs& args) {
  ConversationInput input;
  input.conversation_id = std::move(conversation_id);
  input.shopper = std::move(shopper);
  input.message_id = std::move(message_id);
  input.turn = MakeInput(args);
  return OutputToPython(Released([&] { return c.conversations->Handle(input); }));
}

}  // namespace

void DefineRuntime(py::module_& m) {
  py::class_<PyStore, std::shared_ptr<PyStore>>(m, "Store")
      .def_static("open", &OpenStore, py::arg("url"))
      .def("load",
           [](PyStore& s, const std::string& id) {
             return StoredToPython(Released([&] { return s.store->Load(id); }));
           })
      .def("save",
           [](PyStore& s, const std::string& id, const std::string& value,
              int64_t expected_version, const std::string& shopper, int64_t expires_at_ms) {
             return Released([&] {
               return s.store->Save({.id = id,
                                     .shopper = shopper,
                                     .value = value,
                                     .expected_version = expected_version,
                                     .expires_at_ms = expires_at_ms});
             });
           })
      .def("delete",
           [](PyStore& s, const std::string& id) {
             absl::Status status;
             {
               py::gil_scoped_release release;
               status = s.store->Delete(id);
             }
             Check(status);
           })
      .def("list_by_shopper",
           [](PyStore& s, const std::string& shopper) {
             std::vector<StoredSessionInfo> sessions =
                 Released([&] { return s.store->ListByShopper(shopper); });
             py::list out;
             for (const StoredSessionInfo& i : sessions) {
               out.append(py::make_tuple(i.id, i.version, i.expires_at_ms, i.updated_at_ms));
             }
             return out;
           })
      .def("delete_shopper", [](PyStore& s, const std::string& shopper) {
        return Released([&] { return s.store->DeleteShopper(shopper); });
      });

  py::class_<PyConversations, std::shared_ptr<PyConversations>>(m, "Conversations")
      .def_static("create", &CreateConversations, py::arg("engine"), py::arg("store"),
                  py::arg("idle_expiry_ms"), py::arg("remembered_messages"),
                  py::arg("remembered_results"), py::arg("cart_abandoned_after_ms"),
                  py::arg("seed"), py::arg("max_conflict_retries"), py::arg("lease_ttl_ms"),
                  py::arg("lease_wait_ms"), py::arg("owner"))
      .def_static("create_with", &CreateConversationsWith, py::arg("engine"), py::arg("store"),
                  py::arg("desk"), py::arg("config_json"))
      .def("desk_call",
           [](PyConversations& c, const std::string& call, int64_t now_ms) {
             return Released([&] { return c.conversations->DeskCallJson(call, now_ms); });
           })
      .def(
          "handle",
          [](PyConversations& c, std::string conversation_id, std::string shopper,
             std::string message_id, std::optional<std::string> text,
             std::optional<std::string> payload, std::optional<std::string> event_kind,
             std::vector<std::pair<std::string, std::string>> event_params,
             std::optional<int64_t> seconds, int32_t nanos, std::optional<std::string> channel,
             std::optional<std::string> locale) {
            TurnArgs args{std::move(text),  std::move(payload), std::move(event_kind),
                          std::move(channel), std::move(locale), std::nullopt,
                          std::move(event_params), seconds, nanos};
            return Handle(c, std::move(conversation_id), std::move(shopper),
                          std::move(message_id), args);
          },
          py::arg("conversation_id"), py::arg("shopper"), py::arg("message_id"), py::arg("text"),
          py::arg("payload"), py::arg("event_kind"), py::arg("event_params"), py::arg("seconds"),
          py::arg("nanos"), py::arg("channel"), py::arg("locale"))
      .def("handle_json",
           [](PyConversations& c, const std::string& request) {
             return Released([&] { return c.conversations->HandleJson(request); });
           })
      .def("due_timers",
           [](PyConversations& c, int64_t now_ms, int limit) {
             std::vector<DueTimer> due =
                 Released([&] { return c.conversations->DueTimers(now_ms, limit); });
             py::list out;
             for (const DueTimer& t : due) {
               out.append(py::make_tuple(t.conversation_id, t.kind, t.due_at_ms));
             }
             return out;
           })
      .def("fire_timer",
           [](PyConversations& c, const std::string& id, const std::string& kind, int64_t due) {
             return OutputToPython(
                 Released([&] { return c.conversations->FireTimer({id, kind, due}); }));
           })
      .def("load_snapshot",
           [](PyConversations& c, const std::string& id) {
             std::string bytes = Released([&]() -> absl::StatusOr<std::string> {
               absl::StatusOr<std::unique_ptr<Session>> s = c.conversations->Load(id);
               if (!s.ok()) return s.status();
               return (*s)->Snapshot();
             });
             return py::bytes(bytes);
           })
      .def("forget",
           [](PyConversations& c, const std::string& id) {
             absl::Status status;
             {
               py::gil_scoped_release release;
               status = c.conversations->Forget(id);
             }
             Check(status);
           })
      .def("forget_shopper",
           [](PyConversations& c, const std::string& shopper) {
             return Released([&] { return c.conversations->ForgetShopper(shopper); });
           })
      .def("seed_for", [](PyConversations& c, const std::string& id) {
        return c.conversations->SeedFor(id);
      });
}

}  // namespace chatcart::python
