# SPDX-License-Identifier: Apache-2.0
#
# Reference values for Sources/WedgeStats/Power (HusseyHughesPower).
#
# Run from this folder:  Rscript reference.R
# Writes designs.csv (the design grid, long format), reference.csv (variance, power,
# design effect per design x ICC x correlation) and samplesize.csv (smallest m per cell).
#
# This is an independent implementation: it stacks every cluster into one I*T system and
# inverts with solve(), using swCRTdesign::swPwr's parameterization (intercept + T-1
# period dummies, last period as reference, then theta), whereas the Swift code accumulates
# per-cluster information with T period indicators and a Cholesky factor. swCRTdesign is
# not packaged for apt here (apt-cache policy r-cran-swcrtdesign: no candidate), so swPwr's
# conventions are re-implemented from its source (v4.0/4.1, R/swPwr.r):
#   sigma^2 = mubar(1 - mubar), mubar = (p0 + p1)/2, theta = p1 - p0 (risk difference);
#   cac == 1: tau^2 = sigma^2 icc/(1-icc), gamma^2 = 0;
#   cac <  1: gamma^2 = icc sigma^2 (1-cac)/(1-icc), tau^2 = gamma^2 cac/(1-cac);
#   power = pnorm(|theta|/se - z) + pnorm(-|theta|/se - z), z = qnorm(1 - alpha/2).
# Exponential decay (Kasza et al. 2019, SMMR 28:703): cov between the cluster-period
# random effects of periods j and k is tau_c^2 r^|j-k| with tau_c^2 = sigma^2 icc/(1-icc).
#
# Check against a published number: the swCRTdesign README example
#   swPwr(swDsn(c(6,6,6,6)), "binomial", n=120, mu0=0.05, mu1=0.035, tau=0.01, ...) = 0.7861896
# is reproduced below (stopifnot) before any fixture is written.

options(digits = 17)

gls_var <- function(X, M, sig2cell, tau2, gamma2, r = 1) {
  I <- nrow(X); Tn <- ncol(X)
  Z <- NULL
  V <- matrix(0, I * Tn, I * Tn)
  for (i in 1:I) {
    Zi <- cbind(1, rbind(diag(1, Tn - 1), 0), X[i, ])
    Z <- rbind(Z, Zi)
    Ri <- outer(1:Tn, 1:Tn, function(j, k) r^abs(j - k))
    Vi <- tau2 * Ri + gamma2 * diag(Tn) + diag(sig2cell[i, ] / pmax(M[i, ], 1))
    idx <- (i - 1) * Tn + 1:Tn
    V[idx, idx] <- Vi
  }
  keep <- as.vector(t(M)) > 0
  Z <- Z[keep, , drop = FALSE]
  V <- V[keep, keep]
  info <- t(Z) %*% solve(V) %*% Z
  np <- ncol(Z)
  solve(info)[np, np]
}

# Hussey & Hughes (2007) closed form; binary X only (the derivation uses X^2 = X).
hh_closed <- function(X, sig2mean, tau2) {
  n <- nrow(X); Tn <- ncol(X)
  U <- sum(X); W <- sum(colSums(X)^2); V <- sum(rowSums(X)^2)
  n * sig2mean * (sig2mean + Tn * tau2) /
    ((n * U - W) * sig2mean + (U^2 + n * Tn * U - Tn * W - n * V) * tau2)
}

power_of <- function(theta, v, alpha = 0.05) {
  z <- qnorm(1 - alpha / 2)
  pnorm(abs(theta) / sqrt(v) - z) + pnorm(-abs(theta) / sqrt(v) - z)
}

components <- function(icc, corr, param, sigma2) {
  total <- sigma2 * icc / (1 - icc)
  if (corr == "decay") return(c(tau2 = total, gamma2 = 0, r = param))
  if (param == 1) return(c(tau2 = total, gamma2 = 0, r = 1))
  gamma2 <- icc * sigma2 * (1 - param) / (1 - icc)
  c(tau2 = gamma2 * param / (1 - param), gamma2 = gamma2, r = 1)
}

# ---- published check: swCRTdesign README (24 clusters, 6 per step, 5 periods) ----------
readmeX <- t(sapply(rep(1:4, each = 6), function(s) as.numeric(1:5 > s)))
mubar <- (0.05 + 0.035) / 2
s2 <- mubar * (1 - mubar)
vReadme <- gls_var(readmeX, matrix(120, 24, 5), matrix(s2, 24, 5), 0.01^2, 0)
pReadme <- power_of(0.035 - 0.05, vReadme)
stopifnot(abs(pReadme - 0.7861896) < 5e-8)
stopifnot(abs(hh_closed(readmeX, s2 / 120, 1e-4) / vReadme - 1) < 1e-12)
cat(sprintf("README example: power %.10f (published 0.7861896)\n", pReadme))

# ---- designs ---------------------------------------------------------------------------
stair <- function(steps, perStep, Tn) t(sapply(rep(steps, each = perStep), function(s) as.numeric(1:Tn > s)))
designs <- list()
designs$classic6x7 <- list(X = stair(1:6, 1, 7))                       # one cluster per step
designs$swift6x5 <- list(X = stair(0:5, 1, 5))                         # CTN-0097 bookend RRRRR..SSSSS
designs$sites12x7 <- list(X = stair(1:6, 2, 7))                        # 12 sites, two per step
designs$fractional6x7 <- list(X = {                                    # half effect in crossover period
  X <- stair(1:6, 1, 7); for (i in 1:6) X[i, i + 1] <- 0.5; X })
mUnequal <- rbind(c(14, 16, 12, 15, 0),                                # unequal m, two cells unobserved
                  c(9, 11, 13, 10, 12),
                  c(20, 18, 22, 19, 21),
                  c(7, 8, 6, 9, 8),
                  c(15, 13, 14, 16, 17),
                  c(0, 12, 11, 13, 10))
designs$unequal6x5 <- list(X = designs$swift6x5$X, M = mUnequal)

p0 <- 0.36; p1 <- 0.63; theta <- p1 - p0
mubar <- (p0 + p1) / 2; sigma2 <- mubar * (1 - mubar)
equalSizes <- c(10, 30)
periodEffects <- c(0, 0.02, 0.04, 0.06, 0.08)   # optional secular trend for the cell-variance variant

long <- NULL
for (d in names(designs)) {
  X <- designs[[d]]$X
  for (i in 1:nrow(X)) for (j in 1:ncol(X)) {
    long <- rbind(long, data.frame(design = d, cluster = i - 1, period = j - 1, x = X[i, j],
                                   m = if (is.null(designs[[d]]$M)) NA else designs[[d]]$M[i, j]))
  }
}
write.csv(long, "designs.csv", row.names = FALSE, quote = FALSE, na = "")

rows <- NULL
grid <- rbind(data.frame(corr = "exchangeable", param = 1), data.frame(corr = "exchangeable", param = 0.8),
              data.frame(corr = "decay", param = 0.8))
for (d in names(designs)) {
  X <- designs[[d]]$X
  sizes <- if (is.null(designs[[d]]$M)) equalSizes else NA
  for (m in sizes) {
    M <- if (is.na(m)) designs[[d]]$M else matrix(m, nrow(X), ncol(X))
    for (icc in c(0.01, 0.05, 0.1)) for (g in 1:nrow(grid)) for (pe in c(FALSE, TRUE)) {
      if (pe && !(d == "swift6x5" && grid$corr[g] == "exchangeable")) next
      vc <- components(icc, grid$corr[g], grid$param[g], sigma2)
      sig2cell <- if (pe) {
        P <- p0 + matrix(periodEffects, nrow(X), ncol(X), byrow = TRUE) + theta * X
        P * (1 - P)
      } else matrix(sigma2, nrow(X), ncol(X))
      v <- gls_var(X, M, sig2cell, vc[["tau2"]], vc[["gamma2"]], vc[["r"]])
      closed <- if (!is.na(m) && vc[["gamma2"]] == 0 && vc[["r"]] == 1 && !pe && all(X %in% c(0, 1)))
        hh_closed(X, sigma2 / m, vc[["tau2"]]) else NA
      N <- sum(M)
      rows <- rbind(rows, data.frame(design = d, m = m, icc = icc, correlation = grid$corr[g],
        param = grid$param[g], periodEffects = as.integer(pe), tau2 = vc[["tau2"]], gamma2 = vc[["gamma2"]],
        variance = v, se = sqrt(v), power = power_of(theta, v), closed = closed,
        designEffect = v / (4 * sigma2 / N), total = N))
    }
  }
}
num <- sapply(rows, is.numeric)
rows[num] <- lapply(rows[num], function(x) ifelse(is.na(x), NA, sprintf("%.17g", x)))
write.csv(rows, "reference.csv", row.names = FALSE, quote = FALSE, na = "")

# ---- smallest equal m reaching a target power, by linear search (independent of bisection)
ss <- NULL
for (d in c("classic6x7", "swift6x5", "sites12x7")) {
  X <- designs[[d]]$X
  for (icc in c(0.01, 0.05, 0.1)) for (cac in c(1, 0.8)) for (target in c(0.8, 0.9, 0.99)) {
    vc <- components(icc, "exchangeable", cac, sigma2)
    found <- NA
    for (m in 1:5000) {
      v <- gls_var(X, matrix(m, nrow(X), ncol(X)), matrix(sigma2, nrow(X), ncol(X)), vc[["tau2"]], vc[["gamma2"]])
      if (power_of(theta, v) >= target) { found <- m; break }
    }
    ss <- rbind(ss, data.frame(design = d, icc = icc, cac = cac, target = target, m = found))
  }
}
write.csv(ss, "samplesize.csv", row.names = FALSE, quote = FALSE, na = "")
cat(sprintf("wrote %d reference rows, %d sample-size rows\n", nrow(rows), nrow(ss)))
