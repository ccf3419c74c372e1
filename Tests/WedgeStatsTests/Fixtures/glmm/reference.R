# SPDX-License-Identifier: Apache-2.0
#
# lme4 reference fits for the WedgeStats logistic GLMM (LogisticGLMM).
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/glmm/reference.R Tests/WedgeStatsTests/Fixtures/glmm
#
# Writes into the given directory:
#   data_<name>.csv   cluster,period,trt,x,y,n   (0-based cluster and period; n = trials, y = successes)
#   fits.csv          dataset,nagq,control,quantity,index,value
#   ghrule.csv        n,index,node,weight       (lme4::GHrule: nodes/weights for the N(0,1) density)
#
# Datasets (all deterministic through set.seed):
#   swift     6 clusters x 5 periods, bookend sequences RRRRR..SSSSS, ~415 participants in binomial cells
#   swiftind  the same participants as one Bernoulli row each (for the cell-collapsing check)
#   large     20 clusters x 21 periods, classic stepped wedge, binomial cells
#   singular  6 x 5 bookend design with no between-cluster variance: lme4 reports a singular fit
#   covariate 8 clusters x 4 periods, individual Bernoulli rows with one continuous covariate x
#
# Model: glmer(cbind(y, n - y) ~ trt + factor(period) [+ x] + (1 | cluster), family = binomial, nAGQ = k).
# Each fit is done twice: control = "default" (glmerControl() defaults, what users see) and
# control = "tight" (bobyqa for both stages with rhoend = 1e-12), which pins the optimum much
# more precisely and is what the Swift estimates are compared against most strictly.
# Quantities: coef/se/se_cond (index = column of the fixed-effect design, 0-based, R's column order
# (Intercept), trt, factor(period)1.., [x]), theta, loglik (= logLik(fit)), deviance (= deviance(fit),
# which for a GLMM is the sum of squared deviance residuals at the conditional modes), saturated
# (the saturated binomial log-likelihood sum(dbinom(y, n, y/n, log = TRUE))), singular (0/1).
# Note: for nAGQ > 1 lme4's logLik omits the saturated log-likelihood (its AGQ objective is built
# from deviance residuals), so logLik(nAGQ = 10) + saturated is on the same scale as logLik(nAGQ = 1).
# se = sqrt(diag(vcov(fit))) (use.hessian = TRUE, the default); se_cond = vcov(fit, use.hessian = FALSE);
# se_exact (tight fits only): see agqDeviance below.
# Generated with R 4.2 and lme4 1.1-31; printed with sprintf("%.17g") so values round-trip.

suppressPackageStartupMessages(library(lme4))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) sprintf("%.17g", v)

writeData <- function(name, d) {
  write.csv(data.frame(cluster = d$cluster, period = d$period, trt = d$trt,
                       x = fmt(d$x), y = d$y, n = d$n),
            file.path(out, paste0("data_", name, ".csv")), row.names = FALSE, quote = FALSE)
}

# Bookend design: cluster c (0-based) on sequence c is treated in period p when p >= c.
swiftDesign <- function() {
  g <- expand.grid(period = 0:4, cluster = 0:5)
  g$trt <- as.integer(g$period >= g$cluster)
  g[, c("cluster", "period", "trt")]
}

# ---- swift ----------------------------------------------------------------
set.seed(20240517)
swift <- swiftDesign()
swift$n <- 4L + rpois(nrow(swift), 10)
u <- rnorm(6, 0, 0.6)
eta <- -0.6 + c(0, 0.1, -0.2, 0.15, 0.3)[swift$period + 1] + 1.1 * swift$trt + u[swift$cluster + 1]
swift$y <- rbinom(nrow(swift), swift$n, plogis(eta))
swift$x <- 0

# The same participants, one Bernoulli row each.
swiftind <- do.call(rbind, lapply(seq_len(nrow(swift)), function(i) {
  r <- swift[i, ]
  data.frame(cluster = r$cluster, period = r$period, trt = r$trt, x = 0,
             y = c(rep(1L, r$y), rep(0L, r$n - r$y)), n = 1L)
}))

# ---- large ----------------------------------------------------------------
set.seed(7)
large <- expand.grid(period = 0:20, cluster = 0:19)
large$trt <- as.integer(large$period > large$cluster)
large <- large[, c("cluster", "period", "trt")]
large$n <- 2L + rpois(nrow(large), 8)
ul <- rnorm(20, 0, 0.35)
pe <- seq(-0.3, 0.3, length.out = 21)
large$y <- rbinom(nrow(large), large$n, plogis(-0.2 + pe[large$period + 1] + 0.5 * large$trt + ul[large$cluster + 1]))
large$x <- 0

# ---- singular: first seed from 1001 whose default Laplace fit is singular --------
singularSeed <- NA
for (s in 1001:1200) {
  set.seed(s)
  d <- swiftDesign()
  d$n <- 4L + rpois(nrow(d), 10)
  d$y <- rbinom(nrow(d), d$n, plogis(-0.4 + 0.8 * d$trt))
  f <- suppressMessages(glmer(cbind(y, n - y) ~ trt + factor(period) + (1 | cluster), data = d, family = binomial))
  if (isSingular(f) && getME(f, "theta") == 0) { singularSeed <- s; break }
}
stopifnot(!is.na(singularSeed))
singular <- d
singular$x <- 0

# ---- covariate: individual Bernoulli rows with a continuous covariate ----------------
set.seed(99)
cov <- do.call(rbind, lapply(0:7, function(cl) do.call(rbind, lapply(0:3, function(p) {
  m <- 6L + rpois(1, 6)
  data.frame(cluster = cl, period = p, trt = as.integer(p >= 1 + cl %/% 2 - (cl == 0)), x = rnorm(m))
}))))
uc <- rnorm(8, 0, 0.7)
cov$n <- 1L
cov$y <- rbinom(nrow(cov), 1, plogis(-0.3 + 0.2 * cov$period + 0.9 * cov$trt + 0.6 * cov$x + uc[cov$cluster + 1]))

datasets <- list(swift = swift, swiftind = swiftind, large = large, singular = singular, covariate = cov)
formulas <- list(
  swift = cbind(y, n - y) ~ trt + factor(period) + (1 | cluster),
  swiftind = cbind(y, n - y) ~ trt + factor(period) + (1 | cluster),
  large = cbind(y, n - y) ~ trt + factor(period) + (1 | cluster),
  singular = cbind(y, n - y) ~ trt + factor(period) + (1 | cluster),
  covariate = cbind(y, n - y) ~ trt + factor(period) + x + (1 | cluster))

controls <- list(
  default = glmerControl(),
  tight = glmerControl(optimizer = c("bobyqa", "bobyqa"),
                       optCtrl = list(rhoend = 1e-12, maxfun = 1e5),
                       tolPwrss = 1e-12))

# An independent implementation of the deviance lme4 optimises (Laplace for k = 1, adaptive
# Gauss-Hermite for k > 1; full binomial log-likelihood scale), with conditional modes by Newton to
# 1e-14. Its Hessian by numDeriv (Richardson extrapolation) gives "se_exact", a reference for the
# standard errors that is free of the ~1e-4 relative noise of lme4's own finite-difference Hessian
# (deriv12, step 1e-4 on a PIRLS-converged deviance).
agqDeviance <- function(par, X, d, k) {
  gh <- GHrule(k)
  theta <- par[1]; off <- drop(X %*% par[-1]); total <- 0
  D <- function(i, u) -2 * sum(dbinom(d$y[i], d$n[i], plogis(off[i] + theta * u), log = TRUE)) + u^2
  for (cl in unique(d$cluster)) {
    i <- which(d$cluster == cl); u <- 0
    for (it in 1:100) {
      mu <- plogis(off[i] + theta * u)
      s <- (u + theta * sum(d$n[i] * mu - d$y[i])) / (1 + theta^2 * sum(d$n[i] * mu * (1 - mu)))
      u <- u - s
      if (abs(s) < 1e-14) break
    }
    mu <- plogis(off[i] + theta * u)
    sd <- 1 / sqrt(1 + theta^2 * sum(d$n[i] * mu * (1 - mu)))
    d0 <- D(i, u)
    terms <- sapply(seq_len(k), function(j) gh[j, "w"] * exp(-0.5 * (D(i, u + gh[j, "z"] * sd) - d0) + gh[j, "z"]^2 / 2))
    total <- total + d0 - 2 * log(sd * sum(terms))
  }
  total
}

rows <- list()
add <- function(ds, nagq, ctl, q, idx, v) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = ds, nagq = nagq, control = ctl, quantity = q,
                                          index = idx, value = fmt(v))
}

for (nm in names(datasets)) {
  d <- datasets[[nm]]
  writeData(nm, d)
  for (k in c(1L, 10L)) for (ctl in names(controls)) {
    f <- suppressMessages(suppressWarnings(
      glmer(formulas[[nm]], data = d, family = binomial, nAGQ = k, control = controls[[ctl]])))
    b <- fixef(f)
    se <- sqrt(diag(as.matrix(vcov(f))))
    seC <- sqrt(diag(as.matrix(vcov(f, use.hessian = FALSE))))
    for (j in seq_along(b)) {
      add(nm, k, ctl, "coef", j - 1, b[[j]])
      add(nm, k, ctl, "se", j - 1, se[[j]])
      add(nm, k, ctl, "se_cond", j - 1, seC[[j]])
    }
    if (ctl == "tight") {
      X <- getME(f, "X")
      par <- c(getME(f, "theta"), b)
      H <- numDeriv::hessian(function(p) agqDeviance(p, X, d, k), par)
      seX <- sqrt(diag(2 * solve(H)))[-1]
      for (j in seq_along(b)) add(nm, k, ctl, "se_exact", j - 1, seX[[j]])
    }
    add(nm, k, ctl, "theta", 0, getME(f, "theta")[[1]])
    add(nm, k, ctl, "loglik", 0, as.numeric(logLik(f)))
    add(nm, k, ctl, "deviance", 0, deviance(f))
    add(nm, k, ctl, "saturated", 0, sum(dbinom(d$y, d$n, d$y / d$n, log = TRUE)))
    add(nm, k, ctl, "singular", 0, as.integer(isSingular(f)))
  }
}
write.csv(do.call(rbind, rows), file.path(out, "fits.csv"), row.names = FALSE, quote = FALSE)

gh <- do.call(rbind, lapply(c(1L, 2L, 3L, 5L, 10L, 20L), function(n) {
  r <- GHrule(n)
  data.frame(n = n, index = seq_len(n) - 1, node = fmt(r[, "z"]), weight = fmt(r[, "w"]))
}))
write.csv(gh, file.path(out, "ghrule.csv"), row.names = FALSE, quote = FALSE)
cat("singular seed:", singularSeed, "\n")
