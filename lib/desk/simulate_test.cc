// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/desk_simulation.h"

#include "gtest/gtest.h"

namespace chatcart {
namespace {

TEST(DeskSimulation, EveryChatIsAccountedForAndRunsReplayExactly) {
  absl::StatusOr<DeskSimulationConfig> config = DeskSimulationConfig::Preset("leaving");
  ASSERT_TRUE(config.ok());
  absl::StatusOr<DeskSimulationReport> a = SimulateDeskDay(*config);
  absl::StatusOr<DeskSimulationReport> b = SimulateDeskDay(*config);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_GT(a->arrivals, 1000);
  EXPECT_EQ(a->served + a->abandoned + a->turned_away + a->unfinished, a->arrivals);
  EXPECT_EQ(a->served, b->served);
  EXPECT_EQ(a->wait_p90_s, b->wait_p90_s);
  EXPECT_EQ(a->shown.mae_s, b->shown.mae_s);
  EXPECT_GT(a->occupancy, 0.2);
  EXPECT_LT(a->occupancy, 1.0);
  EXPECT_FALSE(a->series.empty());
}

TEST(DeskSimulation, BadConfigsAreErrors) {
  EXPECT_EQ(DeskSimulationConfig::Preset("nope").status().code(),
            absl::StatusCode::kInvalidArgument);
  DeskSimulationConfig c;
  EXPECT_EQ(SimulateDeskDay(c).status().code(), absl::StatusCode::kInvalidArgument);
  c.arrivals = {{9, -1}};
  EXPECT_EQ(SimulateDeskDay(c).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Staffing, ErlangCMatchesTheTestVector) {
  absl::StatusOr<StaffingResult> r = ErlangC(30, 300, 4);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->load, 2.5, 1e-12);
  EXPECT_NEAR(r->p_wait, 0.3199, 5e-5);
  EXPECT_NEAR(r->average_answer_s, 64.0, 0.05);
  EXPECT_NEAR(ErlangC(30, 300, 3)->p_wait, 0.7022, 5e-5);
  EXPECT_NEAR(ErlangC(30, 300, 3)->average_answer_s, 421.3, 0.05);
  EXPECT_NEAR(ErlangC(30, 300, 5)->service_level, 0.8896, 5e-5);
  absl::StatusOr<StaffingResult> need = AgentsNeeded(30, 300, 20);
  ASSERT_TRUE(need.ok());
  EXPECT_EQ(need->agents, 5);  // 4 give 64 s, 5 give 15.6 s
  EXPECT_EQ(ErlangC(30, 300, 2).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErlangC(0, 300, 2).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(AgentsNeeded(30, 300, 0).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chatcart
