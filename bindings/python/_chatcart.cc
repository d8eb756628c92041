// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// _chatcart: the private pybind11 module under the `chatcart` package, close to
// the C++ API (RE2's two-layer design). Shims turn absl::StatusOr into values
// or into the exception classes of chatcart/_errors.py. Inputs are read with
// the GIL held; the GIL is released around engine work; Python objects are
// built after it is retaken. Results are plain dicts, lists and tuples that
// the package wraps in small classes (chatcart/_results.py).
//
// Thread safety: engines are shared freely between Python threads; a session
// serializes its own calls with a mutex (taken after the GIL is released), so
// two threads using one session take turns instead of racing.

#include <time.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/cart.h"
#include "chatcart/engine.h"
#include "chatcart/money.h"
#include "chatcart/session.h"
#include "chatcart/v1/cart_apply.pb.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "chatcart/version.h"
#include "chatcart/wire.h"
#include "common_py.h"
#include "proto_py.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace py = pybind11;

namespace chatcart::python {
namespace {}  // namespace

[[noreturn]] void ThrowStatus(const absl::Status& status) {
  py::object errors = py::module_::import("chatcart._errors");
  py::object error = errors.attr("from_status")(
      static_cast<int>(status.code()), py::str(status.message().data(), status.message().size()));
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
  throw py::error_already_set();
}

namespace {

int64_t ParseMoney(const std::string& decimal, const std::string& currency) {
  return ValueOrThrow(Money::Parse(decimal, currency)).minor_units();
}

std::string FormatMoney(int64_t minor_units, const std::string& currency,
                        const std::string& locale) {
  Money money = ValueOrThrow(Money::FromMinorUnits(minor_units, currency));
  return ValueOrThrow(money.Format(locale));
}

std::string MoneyDecimal(int64_t minor_units, const std::string& currency) {
  return ValueOrThrow(Money::FromMinorUnits(minor_units, currency)).ToDecimalString();
}

int Exponent(const std::string& currency) { return ValueOrThrow(CurrencyExponent(currency)); }

// One conversation. The mutex keeps two Python threads from running turns on
// it at once (a Session is used by one thread at a time).
struct PySession {
  std::unique_ptr<Session> session;
  std::mutex mu;
};

std::shared_ptr<PySession> Wrap(std::unique_ptr<Session> session) {
  auto out = std::make_shared<PySession>();
  out->session = std::move(session);
  return out;
}

}  // namespace

v1::TurnInput MakeInput(const TurnArgs& a) {
  v1::TurnInput input;
  if (a.text) input.set_text(*a.text);
  if (a.payload) input.set_payload(*a.payload);
  if (a.event_kind) {
    v1::Event* event = input.mutable_event();
    event->set_kind(*a.event_kind);
    for (const auto& [k, v] : a.event_params) (*event->mutable_param())[k] = v;
  }
  if (a.seconds) {
    input.mutable_time()->set_seconds(*a.seconds);
    input.mutable_time()->set_nanos(a.nanos);
  }
  if (a.channel) input.set_channel(*a.channel);
  if (a.locale) input.set_locale_hint(*a.locale);
  if (a.actor) input.set_actor(*a.actor);
  return input;
}

namespace {

py::dict Turn(PySession& s, const TurnArgs& args) {
  v1::TurnInput input = MakeInput(args);
  absl::StatusOr<v1::TurnResult> result;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    result = s.session->HandleTurn(input);
  }
  if (!result.ok()) ThrowStatus(result.status());
  return MessageToPython(*result);
}

// The same turn through HandleTurnJson / HandleTurnBytes (hosts that keep
// the wire formats; the benchmark's C++ side).
std::string TurnWire(PySession& s, const std::string& input, bool json) {
  absl::StatusOr<std::string> out;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    out = json ? s.session->HandleTurnJson(input) : s.session->HandleTurnBytes(input);
  }
  return ValueOrThrow(std::move(out));
}

// The C++ call alone, repeated, for the overhead benchmark: `n` turns of
// `input` (binary TurnInput) with the GIL released; returns the process CPU
// seconds taken (the benchmark's Python side uses time.process_time too).
double TimeTurns(PySession& s, const std::string& input_bytes, int n) {
  v1::TurnInput input;
  if (absl::Status parsed = ParseBytes(input_bytes, "TurnInput", &input); !parsed.ok()) {
    ThrowStatus(parsed);
  }
  absl::Status status;
  double seconds = 0;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    auto cpu_seconds = [] {
      timespec t;
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
      return t.tv_sec + t.tv_nsec * 1e-9;
    };
    const double start = cpu_seconds();
    for (int i = 0; i < n && status.ok(); ++i) status = s.session->HandleTurn(input).status();
    seconds = cpu_seconds() - start;
  }
  if (!status.ok()) ThrowStatus(status);
  return seconds;
}

py::bytes ExportProfile(PySession& s) {
  std::string bytes;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    bytes = s.session->ExportProfile().SerializeAsString();
  }
  return py::bytes(bytes);
}

// A ShopperProfile as serialized bytes, or (json=true) in the JSON mapping.
void ImportProfile(PySession& s, const std::string& data, bool json) {
  v1::ShopperProfile profile;
  if (json) {
    // The parser's complaint echoed, so that it is a str (#22).
    if (absl::Status parsed = ParseJson(data, "profile", &profile); !parsed.ok()) {
      ThrowStatus(parsed);
    }
  } else if (absl::Status parsed = ParseBytes(data, "profile", &profile); !parsed.ok()) {
    // Checked before parsing, so protobuf logs no ERROR line (#22).
    ThrowStatus(parsed);
  }
  absl::Status status;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    status = s.session->ImportProfile(profile);
  }
  if (!status.ok()) ThrowStatus(status);
}

// One cart command (the protobuf JSON mapping of chatcart.v1.CartCommand) on
// the session's cart; the chatcart.v1.CartApplyResponse as a dict, or the
// command's error raised (the session unchanged).
py::dict ApplyCartCommand(PySession& s, const std::string& command_json) {
  v1::CartCommand proto;
  if (absl::Status parsed = ParseJson(command_json, "cart command", &proto); !parsed.ok()) {
    ThrowStatus(parsed);
  }
  CartCommand command = ValueOrThrow(CartCommandFromProto(proto));
  absl::StatusOr<ApplyResult> result;
  v1::CartApplyResponse response;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    result = s.session->ApplyCartCommand(command);
    if (result.ok()) CartApplyResponseToProto(*s.session->cart(), result, &response);
  }
  if (!result.ok()) ThrowStatus(result.status());
  return MessageToPython(response);
}

// The session's cart and its totals ({"cart": ..., "totals": ...}), or None
// before its first cart action.
py::object CartState(PySession& s) {
  v1::Cart cart;
  v1::CartTotals totals;
  absl::Status status;
  bool has_cart = false;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    if (const Cart* c = s.session->cart(); c != nullptr) {
      has_cart = true;
      c->ToProto(&cart);
      absl::StatusOr<CartTotals> t = c->Totals();
      if (t.ok()) {
        CartTotalsToProto(*t, &totals);
      } else {
        status = t.status();
      }
    }
  }
  if (!status.ok()) ThrowStatus(status);
  if (!has_cart) return py::none();
  py::dict out;
  out["cart"] = MessageToPython(cart);
  out["totals"] = MessageToPython(totals);
  return out;
}

py::bytes Snapshot(PySession& s) {
  std::string bytes;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(s.mu);
    bytes = s.session->Snapshot();
  }
  return py::bytes(bytes);
}

std::shared_ptr<PyEngine> Load(const std::string& path, bool lenient_catalog,
                               size_t max_text_chars) {
  EngineOptions options;
  options.lenient_catalog = lenient_catalog;
  options.max_text_chars = max_text_chars;
  absl::StatusOr<std::shared_ptr<const Engine>> engine;
  {
    py::gil_scoped_release release;
    engine = Engine::Create(path, options);
  }
  return std::make_shared<PyEngine>(PyEngine{ValueOrThrow(std::move(engine))});
}

std::shared_ptr<PySession> NewSession(const PyEngine& e, const std::string& id, uint64_t seed) {
  std::unique_ptr<Session> session;
  {
    py::gil_scoped_release release;
    session = e.engine->NewSession(id, seed);
  }
  return Wrap(std::move(session));
}

std::shared_ptr<PySession> Restore(const PyEngine& e, const std::string& data) {
  absl::StatusOr<std::unique_ptr<Session>> session;
  {
    py::gil_scoped_release release;
    session = e.engine->RestoreSession(data);
  }
  return Wrap(ValueOrThrow(std::move(session)));
}

py::dict LoadStats(const PyEngine& e) {
  const EngineLoadStats& s = e.engine->load_stats();
  py::dict out;
  out["flows"] = s.flows;
  out["states"] = s.states;
  out["templates"] = s.templates;
  out["intents"] = s.intents;
  out["examples"] = s.examples;
  out["products"] = s.products;
  out["load_ms"] = s.load_ms;
  out["intent_train_ms"] = s.intent_train_ms;
  return out;
}

}  // namespace
}  // namespace chatcart::python

PYBIND11_MODULE(_chatcart, m) {
  namespace cp = chatcart::python;
  m.doc() = "chatcart's private native module; import chatcart instead.";
  m.attr("__version__") = CHATCART_VERSION_STRING;
  m.attr("VERSION_NUMBER") = CHATCART_VERSION_NUMBER;
  m.def("parse_money", &cp::ParseMoney, py::arg("decimal"), py::arg("currency"),
        "Exact minor units of a plain decimal string in an ISO 4217 currency.");
  m.def("format_money", &cp::FormatMoney, py::arg("minor_units"), py::arg("currency"),
        py::arg("locale"), "Formats money for people with ICU's conventions for a BCP 47 locale.");
  m.def("money_decimal", &cp::MoneyDecimal, py::arg("minor_units"), py::arg("currency"),
        "The exact decimal string of an amount.");
  m.def("currency_exponent", &cp::Exponent, py::arg("currency"),
        "Decimal places of a currency's minor unit, from ICU.");

  py::class_<cp::PySession, std::shared_ptr<cp::PySession>>(m, "Session")
      .def_property_readonly("id", [](const cp::PySession& s) { return s.session->id(); })
      .def(
          "turn",
          [](cp::PySession& s, std::optional<std::string> text, std::optional<std::string> payload,
             std::optional<std::string> event_kind,
             std::vector<std::pair<std::string, std::string>> event_params,
             std::optional<int64_t> seconds, int32_t nanos, std::optional<std::string> channel,
             std::optional<std::string> locale, std::optional<std::string> actor) {
            cp::TurnArgs args{std::move(text),
                              std::move(payload),
                              std::move(event_kind),
                              std::move(channel),
                              std::move(locale),
                              std::move(actor),
                              std::move(event_params),
                              seconds,
                              nanos};
            return cp::Turn(s, args);
          },
          py::arg("text"), py::arg("payload"), py::arg("event_kind"), py::arg("event_params"),
          py::arg("seconds"), py::arg("nanos"), py::arg("channel"), py::arg("locale"),
          py::arg("actor"))
      .def("turn_json", [](cp::PySession& s,
                           const std::string& in) { return cp::TurnWire(s, in, /*json=*/true); })
      .def("turn_bytes",
           [](cp::PySession& s, const std::string& in) {
             return py::bytes(cp::TurnWire(s, in, /*json=*/false));
           })
      .def("time_turns", &cp::TimeTurns)
      .def("apply_cart_command", &cp::ApplyCartCommand, py::arg("command_json"))
      .def("cart", &cp::CartState)
      .def("export_profile", &cp::ExportProfile)
      .def("import_profile", &cp::ImportProfile, py::arg("data"), py::arg("json"))
      .def("snapshot", &cp::Snapshot);

  py::class_<cp::PyEngine, std::shared_ptr<cp::PyEngine>> engine(m, "Engine");
  engine
      .def_static("load", &cp::Load, py::arg("path"), py::arg("lenient_catalog"),
                  py::arg("max_text_chars"))
      .def("new_session", &cp::NewSession, py::arg("id"), py::arg("seed"))
      .def("restore_session", &cp::Restore, py::arg("data"))
      .def_property_readonly("bundle_name",
                             [](const cp::PyEngine& e) { return e.engine->identity().name; })
      .def_property_readonly("bundle_version",
                             [](const cp::PyEngine& e) { return e.engine->identity().version; })
      .def_property_readonly("fingerprint",
                             [](const cp::PyEngine& e) { return e.engine->identity().fingerprint; })
      .def_property_readonly("currency", [](const cp::PyEngine& e) { return e.engine->currency(); })
      .def_property_readonly("locales", [](const cp::PyEngine& e) { return e.engine->locales(); })
      .def_property_readonly("load_stats", &cp::LoadStats)
      .def_property_readonly("has_catalog",
                             [](const cp::PyEngine& e) { return e.engine->catalog() != nullptr; })
      .def_property_readonly(
          "has_intents", [](const cp::PyEngine& e) { return e.engine->intent_model() != nullptr; });
  cp::DefineQueries(engine);
  cp::DefineRuntime(m);
  cp::DefineChannels(m);
  cp::DefineDesk(m);
}
