# SPDX-License-Identifier: Apache-2.0
#
# lme4 reference for the exact GLMM permutation test (GLMMPermutationStatistic + PermutationTest) and
# for the p-values of its test inversion (offset refits). Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/permutation/reference.R Tests/WedgeStatsTests/Fixtures/permutation
#
# Reads ../glmm/data_swift.csv (6 clusters x 5 periods, cluster c on sequence c, treated when period >= c)
# and writes glmm.csv: theta0,quantity,index,value
#   For each theta0 in {0, 0.2, 1.6}: every allocation of clusters to the 6 sequences, in lexicographic
#   order (index 0..719; allocation a treats cluster c in period j when j >= a[c]), the coefficient of
#   the re-allocated treatment column xstar in
#     glmer(cbind(y, n - y) ~ xstar + factor(period) + (1 | cluster), offset = theta0 * trt, nAGQ = 1)
#   fitted twice, with the tight control of Fixtures/glmm/reference.R (bobyqa, rhoend 1e-12) and with
#   Nelder-Mead for the second stage (FtolAbs 1e-14), keeping the fit with the higher log-likelihood:
#   for a few allocations the likelihood is so flat along the treatment coefficient that bobyqa stops
#   up to 4e-4 short of the optimum (its logLik is then ~2e-6 lower). The kept logLik is written as
#   quantity "loglik" (index = allocation), the coefficient as "coef". index = -1 holds the observed statistic
#   (allocation 0..5, i.e. xstar = trt), index = -2 the exact two-sided p-value
#   mean(|T| >= |T_obs| * (1 - 1e-9)), and index = -3 the smallest gap | |T| - |T_obs| | over allocations
#   other than the observed one (the p-value comparison is exact only when this exceeds the fit noise).
# Takes about half an hour (3 x 720 x 2 glmer fits).

suppressPackageStartupMessages(library(lme4))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) sprintf("%.17g", v)

d <- read.csv(file.path(out, "..", "glmm", "data_swift.csv"))
tight <- glmerControl(optimizer = c("bobyqa", "bobyqa"), optCtrl = list(rhoend = 1e-12, maxfun = 1e5),
                      tolPwrss = 1e-12)
nelder <- glmerControl(optimizer = c("bobyqa", "Nelder_Mead"),
                       optCtrl = list(FtolAbs = 1e-14, FtolRel = 1e-15, maxfun = 1e5), tolPwrss = 1e-12)

perms <- function(v) {
  if (length(v) <= 1) return(list(v))
  out <- list()
  for (x in v) for (r in perms(v[v != x])) out[[length(out) + 1]] <- c(x, r)
  out
}
allocations <- perms(0:5)

rows <- list()
for (theta0 in c(0, 0.2, 1.6)) {
  d$off <- theta0 * d$trt
  fitBoth <- function(a) {
    d$xstar <- as.integer(d$period >= a[d$cluster + 1])
    fits <- lapply(list(tight, nelder), function(ctl) suppressMessages(suppressWarnings(
      glmer(cbind(y, n - y) ~ xstar + factor(period) + (1 | cluster), data = d, family = binomial,
            offset = off, control = ctl))))
    ll <- sapply(fits, function(f) as.numeric(logLik(f)))
    best <- fits[[which.max(ll)]]
    c(fixef(best)[["xstar"]], max(ll))
  }
  both <- sapply(allocations, fitBoth)
  ts <- both[1, ]
  tobs <- fitBoth(0:5)[1]
  p <- mean(abs(ts) >= abs(tobs) * (1 - 1e-9))
  gaps <- abs(abs(ts) - abs(tobs))
  gaps <- gaps[!sapply(allocations, function(a) all(a == 0:5))]
  rows[[length(rows) + 1]] <- data.frame(theta0 = theta0, quantity = c("gap", "p", "observed", rep("coef", length(ts))),
                                         index = c(-3, -2, -1, seq_along(ts) - 1),
                                         value = fmt(c(min(gaps), p, tobs, ts)))
  rows[[length(rows) + 1]] <- data.frame(theta0 = theta0, quantity = "loglik", index = seq_along(ts) - 1,
                                         value = fmt(both[2, ]))
}
write.csv(do.call(rbind, rows), file.path(out, "glmm.csv"), row.names = FALSE, quote = FALSE)
