# SPDX-License-Identifier: Apache-2.0
#
# Times R's equivalents of the Wedge benchmarks on the same generated CSV files, in-process, and checks that the
# two tools' estimates agree. Called by compare-r.sh:
#   Rscript compare.R DATA_DIR WEDGE_RESULTS_TSV [BUDGET_SECONDS]
# Prints, per task, Wedge's median, R's median and the ratio, and the largest disagreement against its tolerance.
# Exits 1 if any estimate disagrees beyond its tolerance.
# Needs the Debian packages r-base-core r-cran-lme4 r-cran-geepack r-cran-survival (and r-cran-pbkrtest for the
# bootstrap task).

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: Rscript compare.R DATA_DIR WEDGE_RESULTS_TSV [BUDGET_SECONDS]")
data_dir <- args[1]
wedge <- read.delim(args[2], stringsAsFactors = FALSE)
budget <- if (length(args) >= 3) as.numeric(args[3]) else 2
# geepack::geeglm on 20 clusters of 1,000 individuals takes many minutes (dense per-cluster working matrices), so
# gee-large is skipped unless COMPARE_SKIP is set to something else (for example COMPARE_SKIP=none).
skip <- strsplit(Sys.getenv("COMPARE_SKIP", "gee-large"), ",")[[1]]
suppressPackageStartupMessages({
  library(lme4)
  library(geepack)
  library(survival)
})

# Median wall and processor time of one call of f(): one warm-up call, then timed runs until `budget` seconds are
# spent: at least 5 runs, or 3 when one call takes over a second; a call over 20 s is timed once, cold. Sys.time() has
# microsecond resolution but proc.time()'s processor times only milliseconds, so calls shorter than 50 ms are timed
# in batches.
now <- function() as.numeric(Sys.time())
cpu <- function() { t <- proc.time(); t[["user.self"]] + t[["sys.self"]] }
time_it <- function(f) {
  c0 <- cpu()
  t0 <- now()
  result <- f()
  first <- now() - t0
  if (first > 20) return(list(median = first, cpu = cpu() - c0, runs = 1, result = result))
  batch <- if (first < 0.05) max(1, ceiling(0.05 / max(first, 1e-6))) else 1
  min_runs <- if (first > 20) 1 else if (first > 1) 3 else 5
  times <- c()
  cpus <- c()
  while (length(times) < min_runs || (sum(times) * batch < budget && length(times) < 1000)) {
    c0 <- cpu()
    t0 <- now()
    for (b in seq_len(batch)) f()
    times <- c(times, (now() - t0) / batch)
    cpus <- c(cpus, (cpu() - c0) / batch)
  }
  list(median = median(times), cpu = median(cpus), runs = length(times) * batch, result = result)
}

read_data <- function(name) read.csv(file.path(data_dir, name))

# Each task: the R call, then the estimates to compare with Wedge's, each with an absolute or relative tolerance.
glmm_task <- function(file, nAGQ) function() {
  cells <- read_data(file)
  timing <- time_it(function() glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site), data = cells,
                                     family = binomial, nAGQ = nAGQ))
  fit <- timing$result
  timing$estimates <- list(
    logLik = list(as.numeric(logLik(fit)), abs = 1e-4),
    beta_treat = list(unname(fixef(fit)["treat"]), abs = 1e-3),
    se_treat = list(unname(sqrt(diag(as.matrix(vcov(fit))))[2]), rel = 2e-3),
    tau = list(unname(getME(fit, "theta")), abs = 1e-3))
  timing
}

# The nested-exchangeable GLMM: the issue-18 tolerances (log-likelihood 1e-4, log OR 1e-3, SE 1%: lme4's SE is a
# central difference of the deviance, Wedge's a central difference of its exact gradient) and the two SDs.
nested_task <- function(file) function() {
  cells <- read_data(file)
  timing <- time_it(function() glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site) + (1 | site:period),
                                     data = cells, family = binomial))
  fit <- timing$result
  sds <- as.data.frame(VarCorr(fit))
  timing$estimates <- list(
    logLik = list(as.numeric(logLik(fit)), abs = 1e-4),
    beta_treat = list(unname(fixef(fit)["treat"]), abs = 1e-3),
    se_treat = list(unname(sqrt(diag(as.matrix(vcov(fit))))[2]), rel = 1e-2),
    site_sd = list(sds$sdcor[sds$grp == "site"], abs = 1e-3),
    site_period_sd = list(sds$sdcor[sds$grp == "site:period"], abs = 1e-3))
  timing
}

# The GLMM's small-sample inference: pbkrtest's parametric bootstrap (1,000 replicates, each simulating from the
# fitted null model and refitting both models) and lme4's profile-likelihood interval. The bootstrap p-value is a
# Monte Carlo estimate on both sides (different random streams, 1,000 replicates each): compared within four SEs of
# the difference of two such estimates, 4 * sqrt(2 p (1 - p) / 1000), plus 1/1000.
bootstrap_task <- function(file) function() {
  suppressPackageStartupMessages(library(pbkrtest))
  cells <- read_data(file)
  full <- glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site), data = cells, family = binomial)
  null <- glmer(cbind(y, n - y) ~ factor(period) + (1 | site), data = cells, family = binomial)
  set.seed(20210316)
  timing <- time_it(function() PBmodcomp(full, null, nsim = 1000, cl = 1))
  pb <- timing$result
  timing$estimates <- list(
    lrt = list(pb$test["LRT", "stat"], abs = 1e-3),
    p_pb = list(pb$test["PBtest", "p.value"],
                abs = 4 * sqrt(2 * pb$test["PBtest", "p.value"] * (1 - pb$test["PBtest", "p.value"]) / 1000) + 1e-3))
  timing
}

profile_task <- function(file) function() {
  cells <- read_data(file)
  fit <- glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site), data = cells, family = binomial)
  timing <- time_it(function() confint(fit, parm = "treat", method = "profile", quiet = TRUE))
  ci <- as.numeric(timing$result)
  timing$estimates <- list(profile_lower = list(ci[1], abs = 1e-3), profile_upper = list(ci[2], abs = 1e-3))
  timing
}

gee_task <- function(file) function() {
  ind <- read_data(file)
  timing <- time_it(function() geeglm(y ~ treat + factor(period), id = site, data = ind, family = binomial,
                                      corstr = "exchangeable"))
  fit <- timing$result
  s <- summary(fit)$coefficients
  timing$estimates <- list(
    beta_treat = list(s["treat", "Estimate"], abs = 1e-3),
    se_robust_treat = list(s["treat", "Std.err"], rel = 1e-3),
    alpha = list(unname(fit$geese$alpha), abs = 1e-3))
  timing
}

large <- NULL
large_data <- function() {
  if (is.null(large)) large <<- read_data("large-individuals.csv")
  large
}

tasks <- list(
  "glmm-laplace-swift" = glmm_task("swift-cells.csv", 1),
  "glmm-agq10-swift" = glmm_task("swift-cells.csv", 10),
  "glmm-laplace-large" = glmm_task("large-cells.csv", 1),
  "glmm-agq10-large" = glmm_task("large-cells.csv", 10),
  "glmm-nested-swift" = nested_task("swift-cells.csv"),
  "glmm-bootstrap-1000-swift" = bootstrap_task("swift-cells.csv"),
  "glmm-profile-swift" = profile_task("swift-cells.csv"),
  "gee-swift" = gee_task("swift-individuals.csv"),
  "gee-large" = gee_task("large-individuals.csv"),
  "km-20k" = function() {
    d <- large_data()
    timing <- time_it(function() survfit(Surv(time, event) ~ 1, data = d))
    fit <- timing$result
    timing$estimates <- list(
      times = list(length(fit$time), abs = 0),
      median_survival = list(unname(summary(fit)$table["median"]), abs = 0),
      survival_last = list(tail(fit$surv, 1), rel = 1e-10),
      survival_90 = list(summary(fit, times = 90)$surv, rel = 1e-10))
    timing
  },
  "logrank-20k" = function() {
    d <- large_data()
    timing <- time_it(function() survdiff(Surv(time, event) ~ treat, data = d))
    fit <- timing$result
    timing$estimates <- list(chisq = list(fit$chisq, rel = 1e-8), observed_0 = list(fit$obs[1], abs = 0))
    timing
  },
  "cox-20k" = function() {
    d <- large_data()
    timing <- time_it(function() coxph(Surv(time, event) ~ treat + age, data = d, cluster = site))
    fit <- timing$result
    timing$estimates <- list(
      beta_treat = list(unname(coef(fit)["treat"]), rel = 1e-6),
      beta_age = list(unname(coef(fit)["age"]), rel = 1e-6),
      se_robust_treat = list(sqrt(fit$var[1, 1]), rel = 1e-6),
      se_treat = list(sqrt(fit$naive.var[1, 1]), rel = 1e-6),
      logLik = list(fit$loglik[2], abs = 1e-6))
    timing
  })

# The bootstrap task needs pbkrtest; without it the task is skipped rather than the whole comparison.
if (!requireNamespace("pbkrtest", quietly = TRUE)) skip <- c(skip, "glmm-bootstrap-1000-swift")

wedge_value <- function(task, key) {
  v <- wedge$value[wedge$task == task & wedge$key == key]
  if (length(v) == 0) NA else v[1]
}

fmt_time <- function(s) {
  if (is.na(s)) return("—")
  if (s < 1e-3) sprintf("%.1f µs", s * 1e6) else if (s < 1) sprintf("%.2f ms", s * 1e3) else sprintf("%.2f s", s)
}

fmt_ratio <- function(r) if (is.na(r)) "—" else if (r >= 10) sprintf("%.0f", r) else sprintf("%.1f", r)

cat(sprintf("R %s, lme4 %s, geepack %s, survival %s; %d cores\n\n", getRversion(), packageVersion("lme4"),
            packageVersion("geepack"), packageVersion("survival"), parallel::detectCores()))
cat("Wall: median wall time; CPU: median processor time (user + system). Ratios are R / Wedge.\n\n")
cat("| task | Wedge wall | R wall | ratio (wall) | Wedge CPU | R CPU | ratio (CPU) | R runs | agreement: worst estimate, |Wedge − R| (tolerance) |\n")
cat("|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
failures <- 0
details <- c()
for (id in names(tasks)) {
  wedge_median <- wedge_value(id, "median")
  if (id %in% skip) {
    cat(sprintf("| `%s` | %s | (skipped: COMPARE_SKIP) | | | | | | |\n", id, fmt_time(wedge_median)))
    next
  }
  if (is.na(wedge_median)) {
    cat(sprintf("| %s | (not run) | | | | |\n", id))
    next
  }
  timing <- tasks[[id]]()
  worst <- "all within tolerance"
  worst_ratio <- -1
  for (key in names(timing$estimates)) {
    e <- timing$estimates[[key]]
    r_value <- as.numeric(e[[1]])
    w_value <- wedge_value(id, key)
    diff <- abs(w_value - r_value)
    tol <- if (!is.null(e$rel)) e$rel * abs(r_value) else e$abs
    kind <- if (!is.null(e$rel)) sprintf("rel %.0e", e$rel) else sprintf("abs %g", e$abs)
    ok <- !is.na(diff) && diff <= tol
    details <- c(details, sprintf("| `%s` | %s | %.12g | %.12g | %.3g | %s | %s |", id, key, w_value, r_value, diff,
                                  kind, if (ok) "ok" else "**DISAGREE**"))
    ratio <- if (tol > 0) diff / tol else if (ok) 0 else Inf
    if (!ok) {
      failures <- failures + 1
      cat(sprintf("  DISAGREE %s %s: Wedge %.10g, R %.10g, |diff| %.3g > %s\n", id, key, w_value, r_value, diff, kind),
          file = stderr())
    }
    if (is.na(ratio) || ratio > worst_ratio) {
      worst_ratio <- if (is.na(ratio)) Inf else ratio
      worst <- sprintf("%s %s: %.2g (%s)", if (ok) "ok" else "**DISAGREE**", key, diff, kind)
    }
  }
  wedge_cpu <- wedge_value(id, "cpu_median")
  cat(sprintf("| `%s` | %s | %s | %s× | %s | %s | %s× | %d | %s |\n", id, fmt_time(wedge_median), fmt_time(timing$median),
              fmt_ratio(timing$median / wedge_median), fmt_time(wedge_cpu), fmt_time(timing$cpu),
              fmt_ratio(timing$cpu / wedge_cpu), timing$runs, worst))
}
cat("\nEvery compared estimate:\n\n| task | estimate | Wedge | R | |Wedge − R| | tolerance | |\n|---|---|---:|---:|---:|---|---|\n")
cat(paste0(details, "\n"), sep = "")
if (failures > 0) {
  cat(sprintf("\n%d estimate(s) disagree beyond tolerance.\n", failures), file = stderr())
  quit(status = 1)
}
cat("\nEvery compared estimate agrees within its tolerance.\n")
