# SPDX-License-Identifier: Apache-2.0
# glmer's time for the same fit: Rscript Benchmarks/nested-glmm/glmer-time.R [CELLS.csv]
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(if (length(args) > 0) args[1] else "Tests/WedgeStatsTests/Fixtures/models/swift_nested.csv")
f <- cbind(y, n - y) ~ treat + factor(period) + (1 | site) + (1 | site:period)
fit <- glmer(f, data = d, family = binomial)  # warm-up
reps <- 20
t <- system.time(for (k in 1:reps) fit <- glmer(f, data = d, family = binomial))[["elapsed"]] / reps
cat(sprintf("glmer nested %.1f ms per fit (log OR %.6f, SE %.6f)\n", 1000 * t, fixef(fit)[["treat"]],
            sqrt(diag(vcov(fit)))[2]))
