# SPDX-License-Identifier: Apache-2.0
#
# Reference fits for the nested-exchangeable and exposure-time models (issue 18), from lme4 and geepack.
# Run by hand, not by CI (the Swift tests read the committed CSV and JSON files and need no R):
#
#   Rscript Tests/WedgeStatsTests/Fixtures/models/reference-models.R Tests/WedgeStatsTests/Fixtures/models
#
# Debian packages r-base-core, r-cran-lme4, r-cran-geepack, r-cran-jsonlite. The generator block of
# reference.json records the versions and the seconds each fit took.
#
# Simulates three stepped-wedge datasets with a seeded RNG and writes them as site x period binomial cells
# <name>.csv (site, period, treat, exposure, y, n; site and period 1-based; exposure = periods since the
# site switched, 1 in its first treated period, 0 while on control). Then fits, on those cells:
#
#   hh_it       glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site), binomial, nAGQ = 1)
#   nested_it   ... + (1 | site) + (1 | site:period)          (the nested-exchangeable model)
#   hh_eti      cbind(y, n - y) ~ factor(period) + e_1 + ... + e_E + (1 | site)   (e_k = 1{exposure = k})
#   nested_eti  the same with (1 | site) + (1 | site:period)
#   hh_ncs      factor(period) + b_1..b_4 (treat x splines::ns(exposure, knots = S/3, 2S/3, intercept = TRUE,
#               Boundary.knots = c(0, S)), steppedwedge's default n_knots_exp = 4) + (1 | site)
#   gee_it, gee_eti, gee_ncs   geeglm(y ~ same fixed effects, id = site, binomial, exchangeable) on the
#               individual 0/1 rows (cells expanded), control = geese.control(epsilon = 1e-10, maxit = 200)
#
# glmer runs with control = glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)). For each fit:
# coefficients (R's column order: (Intercept), factor(period)2..T, then treat / e_k / b_k; the Swift design
# uses the same order), se (vcov(fit), lme4's use.hessian = TRUE default; robust sandwich for GEE), vcov
# (row-major), loglik, site_sd and site_period_sd (from VarCorr; 0 for the site-only model), singular (lme4::isSingular), seconds.
# For the exposure-time fits it also writes the effect curve (effect at e = 1..S with its SE; for NCS the
# spline basis B(1..S) times the coefficients, as steppedwedge::analyze does), the TATE over 1..S and the PTE
# at S with their SEs, and for the mixed ETI fits the likelihood-ratio statistic 2(loglik_eti - loglik_it).
# Numbers are printed with %.17g digits (jsonlite digits = NA) so they round-trip.

suppressPackageStartupMessages({ library(lme4); library(geepack); library(jsonlite); library(splines) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."

simulate <- function(seed, sequences, m, tau, gamma, beta0, period_effect, effect) {
  set.seed(seed)
  S <- nrow(sequences); Tn <- ncol(sequences)
  u <- rnorm(S, 0, tau)
  rows <- list()
  for (s in 1:S) for (t in 1:Tn) {
    treat <- sequences[s, t]
    first <- which(sequences[s, ] == 1)[1]
    exposure <- if (treat == 1) t - first + 1 else 0
    n <- rpois(1, m) + 2
    eta <- beta0 + period_effect * (t - 1) + (if (exposure > 0) effect[exposure] else 0) + u[s] + rnorm(1, 0, gamma)
    y <- rbinom(1, n, plogis(eta))
    rows[[length(rows) + 1]] <- data.frame(site = s, period = t, treat = treat, exposure = exposure, y = y, n = n)
  }
  do.call(rbind, rows)
}

bookend <- rbind(c(1,1,1,1,1), c(0,1,1,1,1), c(0,0,1,1,1), c(0,0,0,1,1), c(0,0,0,0,1), c(0,0,0,0,0))
classic <- t(sapply(1:12, function(i) { step <- (i + 1) %/% 2; c(rep(0, step), rep(1, 7 - step)) }))
datasets <- list(
  swift_nested = simulate(1801, bookend, 50, 0.3, 0.45, qlogis(0.36), 0.05, c(0.5, 0.8, 1.0, 1.2, 1.3)),
  classic12 = simulate(1802, classic, 20, 0.4, 0.3, qlogis(0.3), 0.1, c(0.2, 0.5, 0.7, 0.8, 0.9, 0.9)),
  swift_hh = simulate(1803, bookend, 14, 0.4, 0.0, qlogis(0.36), 0.0, rep(1.0, 5))
)

ctrl <- glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5))
ncs_basis <- function(x, S) {
  knots <- seq(0, S, length.out = 4)
  ns(x, knots = knots[2:3], intercept = TRUE, Boundary.knots = knots[c(1, 4)])
}

effect_summary <- function(coef, vc, B) {
  curve <- as.numeric(B %*% coef)
  cv <- B %*% vc %*% t(B)
  S <- length(curve)
  M <- matrix(rep(1 / S, S), nrow = 1)
  list(curve = curve, curve_se = sqrt(diag(cv)),
       tate = as.numeric(M %*% curve), tate_se = sqrt(as.numeric(M %*% cv %*% t(M))),
       pte = curve[S], pte_se = sqrt(cv[S, S]))
}

mixed <- function(formula, data) {
  t0 <- proc.time()[["elapsed"]]
  fit <- glmer(formula, data = data, family = binomial, nAGQ = 1, control = ctrl)
  secs <- proc.time()[["elapsed"]] - t0
  vc <- as.matrix(vcov(fit))
  sds <- as.data.frame(VarCorr(fit))
  list(fit = fit, coefficients = unname(fixef(fit)), names = names(fixef(fit)), se = unname(sqrt(diag(vc))),
       vcov = as.numeric(t(vc)), loglik = as.numeric(logLik(fit)),
       site_sd = sds$sdcor[sds$grp == "site"], site_period_sd = if (any(sds$grp == "site:period"))
         sds$sdcor[sds$grp == "site:period"] else 0,
       singular = isSingular(fit), seconds = secs, vc = vc)
}

gee <- function(formula, data) {
  t0 <- proc.time()[["elapsed"]]
  fit <- geeglm(formula, id = site, data = data, family = binomial, corstr = "exchangeable",
                control = geese.control(epsilon = 1e-10, maxit = 200))
  secs <- proc.time()[["elapsed"]] - t0
  vc <- as.matrix(vcov(fit))
  list(coefficients = unname(coef(fit)), names = names(coef(fit)), se = unname(sqrt(diag(vc))),
       vcov = as.numeric(t(vc)), alpha = unname(fit$geese$alpha), seconds = secs, vc = vc)
}

strip <- function(f) { f$fit <- NULL; f$vc <- NULL; f }
result <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  S <- max(d$exposure)
  for (k in 1:S) d[[paste0("e_", k)]] <- as.integer(d$exposure == k)
  B <- ncs_basis(1:S, S)
  Bd <- ncs_basis(d$exposure, S)
  for (k in 1:4) d[[paste0("b_", k)]] <- Bd[, k] * d$treat
  eti <- paste0("e_", 1:S, collapse = " + ")
  ncs <- paste0("b_", 1:4, collapse = " + ")
  f <- function(rhs, re) as.formula(paste("cbind(y, n - y) ~ factor(period) +", rhs, re))
  site <- "+ (1 | site)"; nested <- "+ (1 | site) + (1 | site:period)"
  r <- list(max_exposure = S)
  r$hh_it <- mixed(f("treat", site), d)
  r$nested_it <- mixed(f("treat", nested), d)
  r$hh_eti <- mixed(f(eti, site), d)
  r$nested_eti <- mixed(f(eti, nested), d)
  r$hh_ncs <- mixed(f(ncs, site), d)
  r$nested_ncs <- mixed(f(ncs, nested), d)
  idx <- function(fit, prefix) grep(prefix, fit$names)
  for (m in c("hh_eti", "nested_eti")) {
    i <- idx(r[[m]], "^e_")
    r[[m]]$effects <- effect_summary(r[[m]]$coefficients[i], r[[m]]$vc[i, i], diag(S))
  }
  for (m in c("hh_ncs", "nested_ncs")) {
    i <- idx(r[[m]], "^b_")
    r[[m]]$effects <- effect_summary(r[[m]]$coefficients[i], r[[m]]$vc[i, i], B)
  }
  r$hh_eti$lrt <- 2 * (r$hh_eti$loglik - r$hh_it$loglik)
  r$nested_eti$lrt <- 2 * (r$nested_eti$loglik - r$nested_it$loglik)
  # Individual rows for geeglm.
  ind <- d[rep(seq_len(nrow(d)), d$n), ]
  ind$yy <- unlist(lapply(seq_len(nrow(d)), function(k) c(rep(1, d$y[k]), rep(0, d$n[k] - d$y[k]))))
  ind <- ind[order(ind$site), ]
  g <- function(rhs) as.formula(paste("yy ~ factor(period) +", rhs))
  r$gee_it <- gee(g("treat"), ind)
  r$gee_eti <- gee(g(eti), ind)
  r$gee_ncs <- gee(g(ncs), ind)
  i <- idx(r$gee_eti, "^e_")
  r$gee_eti$effects <- effect_summary(r$gee_eti$coefficients[i], r$gee_eti$vc[i, i], diag(S))
  i <- idx(r$gee_ncs, "^b_")
  r$gee_ncs$effects <- effect_summary(r$gee_ncs$coefficients[i], r$gee_ncs$vc[i, i], B)
  r$ncs_basis <- as.numeric(t(unclass(B)[, 1:4]))
  for (m in setdiff(names(r), c("max_exposure", "ncs_basis"))) r[[m]] <- strip(r[[m]])
  result[[name]] <- r
}

generator <- list(
  r = R.version.string, lme4 = as.character(packageVersion("lme4")),
  geepack = as.character(packageVersion("geepack")), date = format(Sys.time(), "%Y-%m-%d"))
writeLines(toJSON(list(generator = generator, datasets = result), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out, "reference.json"))
