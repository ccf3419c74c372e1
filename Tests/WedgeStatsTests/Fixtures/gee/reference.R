# SPDX-License-Identifier: Apache-2.0
#
# Reference values for the WedgeStats GEE tests (LogisticGEE), computed with geepack.
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/gee/reference.R Tests/WedgeStatsTests/Fixtures/gee
#
# Needs geepack (Debian: r-cran-geepack). Generated with R 4.2.2 and geepack 1.3.9.
# Writes, for each dataset D in {swift6x5, classic12x7}:
#   D-data.csv       cluster,period,trt,y   one row per individual, rows deliberately shuffled
#                    (cluster is 0-based; period is 1-based)
#   and one shared file reference.csv:
#   dataset,control,quantity,i,j,value     long format; i and j are 0-based indices
#   quantity in: coef (i), alpha, scale, converged (1/0), robust_se_geeglm (summary()'s Std.err
#   of trt), and naive, robust, kc, md (covariance entries i, j).
#
# The model is geeglm(y ~ trt + factor(period), id = cluster, family = binomial,
# corstr = "exchangeable") with std.err = "san.se" (the default), fitted twice:
#   control = "tight":   geese.control(epsilon = 1e-10, maxit = 200)
#   control = "default": geese.control() (epsilon = 1e-4, maxit = 25), geeglm's default.
#
# geepack has no Kauermann-Carroll or Mancl-DeRouen estimator, and no R package providing them
# (geesmv, glmtoolbox, saws) is packaged by Debian, so the reference for those two is their
# formula implemented below, at the n_i x n_i level, on geepack's fitted values, alpha and scale:
#   B   = sum_i D_i' V_i^-1 D_i,  D_i = A_i X_i,  V_i = phi A_i^1/2 R(alpha) A_i^1/2,  A_i = diag(mu(1-mu))
#   H_i = D_i B^-1 D_i' V_i^-1                       (cluster leverage, not symmetric)
#   MD: e_i* = (I - H_i)^-1 e_i                     (Mancl & DeRouen 2001)
#   KC: e_i* = (I - H_i)^-1/2 e_i                   (Kauermann & Carroll 2001), principal square
#        root from the eigen-decomposition I - H_i = P L P^-1 (eigenvalues real and positive
#        because I - H_i is similar to a symmetric positive-definite matrix)
#   V   = B^-1 [sum_i D_i' V_i^-1 e_i* e_i*' V_i^-1 D_i] B^-1
# The plain sandwich of the same code (e_i* = e_i) is checked against geepack's vbeta.

suppressPackageStartupMessages(library(geepack))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) sprintf("%.17g", v)

# ---- data -------------------------------------------------------------------
simulate <- function(switch_period, n_periods, mean_size, beta0, period_eff, theta, tau) {
  k <- length(switch_period)
  u <- rnorm(k, 0, tau)
  rows <- list()
  for (c in seq_len(k)) for (t in seq_len(n_periods)) {
    m <- max(1, rpois(1, mean_size))
    trt <- as.integer(t >= switch_period[c])
    eta <- beta0 + period_eff[t] + theta * trt + u[c]
    y <- rbinom(m, 1, plogis(eta))
    rows[[length(rows) + 1]] <- data.frame(cluster = c - 1L, period = t, trt = trt, y = y)
  }
  do.call(rbind, rows)
}

set.seed(20240512)
# SWIFT-like: 6 units, 5 periods, bookend sequences RRRRR, SRRRR, SSRRR, SSSRR, SSSSR, SSSSS.
swift <- simulate(switch_period = c(1, 2, 3, 4, 5, 6), n_periods = 5, mean_size = 415 / 30,
                  beta0 = -0.6, period_eff = c(0, 0.1, 0.25, 0.2, 0.35), theta = 1.1, tau = 0.5)
set.seed(7)
# Classic stepped wedge: 12 clusters, 7 periods, 2 clusters cross at each of 6 steps.
classic <- simulate(switch_period = rep(2:7, each = 2), n_periods = 7, mean_size = 12,
                    beta0 = -0.3, period_eff = c(0, -0.1, 0.1, 0.2, 0, 0.3, 0.15), theta = 0.7,
                    tau = 0.4)
datasets <- list(swift6x5 = swift, classic12x7 = classic)

# ---- bias-corrected sandwiches, n_i x n_i formulas ---------------------------
sandwiches <- function(X, y, id, mu, alpha, phi) {
  p <- ncol(X)
  a <- mu * (1 - mu)
  clusters <- split(seq_along(y), id)
  parts <- lapply(clusters, function(ix) {
    n <- length(ix)
    R <- matrix(alpha, n, n); diag(R) <- 1
    sa <- sqrt(a[ix])
    V <- phi * (sa %o% sa) * R
    D <- a[ix] * X[ix, , drop = FALSE]
    list(D = D, Vinv = solve(V), e = y[ix] - mu[ix], n = n)
  })
  B <- Reduce(`+`, lapply(parts, function(q) t(q$D) %*% q$Vinv %*% q$D))
  Binv <- solve(B)
  meat <- function(correct) Reduce(`+`, lapply(parts, function(q) {
    H <- q$D %*% Binv %*% t(q$D) %*% q$Vinv
    es <- correct(diag(q$n) - H) %*% q$e
    s <- t(q$D) %*% q$Vinv %*% es
    s %*% t(s)
  }))
  sqrtinv <- function(M) {
    ev <- eigen(M)
    stopifnot(all(abs(Im(ev$values)) < 1e-12), all(Re(ev$values) > 0))
    P <- Re(ev$vectors)
    P %*% diag(1 / sqrt(Re(ev$values)), nrow(M)) %*% solve(P)
  }
  list(naive = Binv,
       robust = Binv %*% meat(function(M) diag(nrow(M))) %*% Binv,
       kc = Binv %*% meat(sqrtinv) %*% Binv,
       md = Binv %*% meat(solve) %*% Binv)
}

# ---- fits ---------------------------------------------------------------------
ref <- list()
add <- function(dataset, control, quantity, i, j, value) {
  ref[[length(ref) + 1]] <<- data.frame(dataset = dataset, control = control, quantity = quantity,
                                        i = i, j = j, value = fmt(value))
}
controls <- list(tight = geese.control(epsilon = 1e-10, maxit = 200), default = geese.control())
for (name in names(datasets)) {
  d <- datasets[[name]]
  shuffled <- d[sample.int(nrow(d)), ]
  write.csv(shuffled, file.path(out, paste0(name, "-data.csv")), row.names = FALSE, quote = FALSE)
  d <- d[order(d$cluster), ]  # geese needs each cluster's rows to be contiguous
  for (cname in names(controls)) {
    fit <- geeglm(y ~ trt + factor(period), id = cluster, data = d, family = binomial,
                  corstr = "exchangeable", control = controls[[cname]])
    g <- fit$geese
    X <- model.matrix(fit)
    p <- ncol(X)
    alpha <- unname(g$alpha); phi <- unname(g$gamma)
    sw <- sandwiches(X, d$y, d$cluster, fitted(fit), alpha, phi)
    # the formula code must reproduce geepack's own naive and robust covariances
    stopifnot(max(abs(sw$robust - g$vbeta) / sqrt(diag(g$vbeta) %o% diag(g$vbeta))) < 1e-8,
              max(abs(sw$naive - g$vbeta.naiv) / sqrt(diag(g$vbeta.naiv) %o% diag(g$vbeta.naiv))) < 1e-8)
    # the scale is the mean squared Pearson residual (no N - p), alpha the mean pairwise product
    r <- (d$y - fitted(fit)) / sqrt(fitted(fit) * (1 - fitted(fit)))
    phi_check <- mean(r^2)
    pairs <- sum(sapply(split(r, d$cluster), function(v) (sum(v)^2 - sum(v^2)) / 2))
    npairs <- sum(sapply(split(r, d$cluster), function(v) length(v) * (length(v) - 1) / 2))
    cat(sprintf("%s %s: phi %.12g vs mean r^2 %.12g; alpha %.12g vs moment %.12g; error %d\n",
                name, cname, phi, phi_check, alpha, pairs / npairs / phi_check, g$error))
    for (j in seq_len(p)) add(name, cname, "coef", j - 1, 0, coef(fit)[j])
    add(name, cname, "alpha", 0, 0, alpha)
    add(name, cname, "scale", 0, 0, phi)
    add(name, cname, "converged", 0, 0, as.numeric(g$error == 0))
    add(name, cname, "robust_se_geeglm", 0, 0, summary(fit)$coefficients[2, "Std.err"])
    for (m in c("naive", "robust", "kc", "md")) {
      for (i in seq_len(p)) for (j in seq_len(p)) add(name, cname, m, i - 1, j - 1, sw[[m]][i, j])
    }
    if (cname == "tight") {
      print(summary(fit)$coefficients)
      cat("SE(trt): naive", sqrt(sw$naive[2, 2]), "robust", sqrt(sw$robust[2, 2]),
          "KC", sqrt(sw$kc[2, 2]), "MD", sqrt(sw$md[2, 2]), "\n")
    }
  }
}
write.csv(do.call(rbind, ref), file.path(out, "reference.csv"), row.names = FALSE, quote = FALSE)
