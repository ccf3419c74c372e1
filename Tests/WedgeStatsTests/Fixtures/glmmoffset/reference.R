# SPDX-License-Identifier: Apache-2.0
#
# lme4 reference fits with an offset, for BinomialCells.offset in the WedgeStats logistic GLMM.
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/glmmoffset/reference.R Tests/WedgeStatsTests/Fixtures/glmmoffset
#
# Reads ../glmm/data_swift.csv (6 clusters x 5 periods, written by Fixtures/glmm/reference.R) and writes
#   fits.csv   case,nagq,quantity,index,value
#
# Cases (trt is the observed treatment; period and cluster are 0-based):
#   varied     glmer(cbind(y, n - y) ~ trt + factor(period) + (1 | cluster), offset = off)
#              with off = 0.3*trt + 0.1*(cluster %% 3) - 0.05*period: a different offset in most cells.
#   inversion  the model of a randomization-interval refit: offset = 0.7*trt (theta0 * x_obs) and the
#              treatment column replaced by xstar, the treatment of the allocation that reverses the
#              sequences (cluster c on sequence 5 - c, treated when period >= 5 - c).
# Quantities: coef (R's column order: (Intercept), treatment, factor(period)1..4), se (sqrt(diag(vcov))),
# theta, loglik (logLik(fit); for nAGQ = 10 lme4 omits the saturated log-likelihood, see
# Fixtures/glmm/reference.R, so only nAGQ = 1 log-likelihoods are written).
# Control: the "tight" settings of Fixtures/glmm/reference.R (bobyqa, rhoend 1e-12, tolPwrss 1e-12).

suppressPackageStartupMessages(library(lme4))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) sprintf("%.17g", v)

d <- read.csv(file.path(out, "..", "glmm", "data_swift.csv"))
d$off_varied <- 0.3 * d$trt + 0.1 * (d$cluster %% 3) - 0.05 * d$period
d$xstar <- as.integer(d$period >= 5 - d$cluster)
d$off_inversion <- 0.7 * d$trt

tight <- glmerControl(optimizer = c("bobyqa", "bobyqa"), optCtrl = list(rhoend = 1e-12, maxfun = 1e5),
                      tolPwrss = 1e-12)
cases <- list(
  varied = list(formula = cbind(y, n - y) ~ trt + factor(period) + (1 | cluster), offset = d$off_varied),
  inversion = list(formula = cbind(y, n - y) ~ xstar + factor(period) + (1 | cluster), offset = d$off_inversion))

rows <- list()
add <- function(cs, nagq, q, idx, v) {
  rows[[length(rows) + 1]] <<- data.frame(case = cs, nagq = nagq, quantity = q, index = idx, value = fmt(v))
}
for (nm in names(cases)) for (k in c(1L, 10L)) {
  cs <- cases[[nm]]
  f <- suppressMessages(suppressWarnings(
    glmer(cs$formula, data = d, family = binomial, offset = cs$offset, nAGQ = k, control = tight)))
  b <- fixef(f)
  se <- sqrt(diag(as.matrix(vcov(f))))
  for (j in seq_along(b)) {
    add(nm, k, "coef", j - 1, b[[j]])
    add(nm, k, "se", j - 1, se[[j]])
  }
  add(nm, k, "theta", 0, getME(f, "theta")[[1]])
  if (k == 1L) add(nm, k, "loglik", 0, as.numeric(logLik(f)))
}
write.csv(do.call(rbind, rows), file.path(out, "fits.csv"), row.names = FALSE, quote = FALSE)
