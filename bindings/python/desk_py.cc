// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// _chatcart.Desk (include/chatcart/desk.h over an in-memory store), redact,
// Erlang C and the desk simulation. Calls cross as JSON (Desk::CallJson);
// the façade (chatcart/_desk.py) turns them into Python values. The GIL is
// released around desk work: a desk is thread-safe.

#include "desk_py.h"

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "chatcart/desk_simulation.h"
#include "chatcart/desk_store.h"
#include "chatcart/redact.h"
#include "chatcart/v1/desk.pb.h"
#include "chatcart/wire.h"
#include "common_py.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace py = pybind11;

namespace chatcart::python {
namespace {

std::shared_ptr<PyDesk> MakeDesk(const std::string& policy_json) {
  v1::DeskPolicy policy;
  if (!policy_json.empty()) {
    if (absl::Status parsed = ParseJson(policy_json, "chatcart.v1.DeskPolicy", &policy);
        !parsed.ok()) {
      ThrowStatus(parsed);
    }
  }
  DeskOptions options = ValueOrThrow(DeskOptions::FromPolicy(policy));
  auto out = std::make_shared<PyDesk>();
  out->desk = ValueOrThrow(Desk::Create(NewInMemoryDeskStore(), std::move(options)));
  return out;
}

py::dict SimulationDict(const DeskSimulationReport& r) {
  py::dict d;
  d["arrivals"] = r.arrivals;
  d["served"] = r.served;
  d["abandoned"] = r.abandoned;
  d["turned_away"] = r.turned_away;
  d["unfinished"] = r.unfinished;
  d["offers_missed"] = r.offers_missed;
  d["wait_mean_s"] = r.wait_mean_s;
  d["wait_p50_s"] = r.wait_p50_s;
  d["wait_p90_s"] = r.wait_p90_s;
  d["wait_p99_s"] = r.wait_p99_s;
  d["wait_max_s"] = r.wait_max_s;
  d["answered_within_60s"] = r.answered_within_60s;
  d["occupancy"] = r.occupancy;
  d["shown_mae_s"] = r.shown.mae_s;
  d["naive_mae_s"] = r.naive.mae_s;
  d["ewma_mae_s"] = r.ewma.mae_s;
  d["desk_calls"] = r.desk_calls;
  py::list series;
  for (const auto& p : r.series) {
    py::dict point;
    point["hour"] = p.hour;
    point["queue_length"] = p.queue_length;
    point["agents_online"] = p.agents_online;
    point["wait_s"] = p.wait_s;
    point["shown_s"] = p.shown_s;
    point["naive_s"] = p.naive_s;
    series.append(point);
  }
  d["series"] = series;
  return d;
}

}  // namespace

void DefineDesk(py::module_& m) {
  py::class_<PyDesk, std::shared_ptr<PyDesk>>(m, "Desk")
      .def(py::init(&MakeDesk), py::arg("policy_json") = "")
      .def(
          "call",
          [](PyDesk& d, const std::string& request_json, int64_t now_unix_ms) {
            absl::StatusOr<std::string> out;
            {
              py::gil_scoped_release release;
              out = d.desk->CallJson(request_json, absl::FromUnixMillis(now_unix_ms));
            }
            return ValueOrThrow(std::move(out));
          },
          py::arg("request_json"), py::arg("now_unix_ms"),
          "One desk call as JSON (Desk::CallJson); the result as protobuf JSON.");
  m.def(
      "redact",
      [](const std::string& text, const std::string& language) {
        return Redact(text, language).text;
      },
      py::arg("text"), py::arg("language") = "", "Masks cards, IBANs, e-mails and phones.");
  m.def(
      "find_personal_data",
      [](const std::string& text, const std::string& language) {
        py::list out;
        for (const PersonalDataSpan& s : FindPersonalData(text, language)) {
          out.append(py::make_tuple(std::string(PersonalDataName(s.kind)), s.begin, s.end));
        }
        return out;
      },
      py::arg("text"), py::arg("language") = "",
      "The personal data in text: (kind, begin byte, end byte) tuples.");
  m.def(
      "erlang_c",
      [](double arrivals, double handle, int agents, double target, double within) {
        StaffingResult r = ValueOrThrow(agents > 0 ? ErlangC(arrivals, handle, agents, within)
                                                   : AgentsNeeded(arrivals, handle, target, within));
        py::dict d;
        d["agents"] = r.agents;
        d["load"] = r.load;
        d["p_wait"] = r.p_wait;
        d["average_answer_s"] = r.average_answer_s;
        d["service_level"] = r.service_level;
        d["occupancy"] = r.occupancy;
        return d;
      },
      py::arg("arrivals_per_hour"), py::arg("handle_time_s"), py::arg("agents"),
      py::arg("target_answer_s"), py::arg("answer_within_s"));
  m.def(
      "simulate_desk",
      [](const std::string& preset, uint64_t seed) {
        DeskSimulationConfig config = ValueOrThrow(DeskSimulationConfig::Preset(preset));
        if (seed != 0) config.seed = seed;
        absl::StatusOr<DeskSimulationReport> r;
        {
          py::gil_scoped_release release;
          r = SimulateDeskDay(config);
        }
        return SimulationDict(ValueOrThrow(std::move(r)));
      },
      py::arg("preset"), py::arg("seed") = 0);
}

}  // namespace chatcart::python
