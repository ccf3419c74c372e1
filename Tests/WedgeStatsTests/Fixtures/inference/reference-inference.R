# SPDX-License-Identifier: Apache-2.0
#
# Reference values for Wedge's small-sample inference and the published-count checks (issue 18), from base R,
# lme4 and pbkrtest. Run by hand, not by CI: the Swift tests read the committed inference.json and need no R.
# From the package root:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/inference/reference-inference.R
#
# Packages: r-base-core r-cran-lme4 r-cran-pbkrtest r-cran-jsonlite (Debian). Versions and timings are written
# into inference.json ("generator").
#
# Datasets: published.csv here (CTN-0097's published 141/225 vs 68/190, generate-published.py), and swift, null,
# sparse, twelve from ../datasets (one row per participant). treat = condition == "rapid".
#
# Per dataset:
#  proportions   by condition: events, total, Wilson (prop.test(correct = FALSE)$conf.int), Clopper-Pearson
#                (binom.test()$conf.int); risk difference rapid - standard with the Wald interval and Newcombe's
#                hybrid score interval (method 10, from the Wilson limits); Woolf odds ratio.
#  injections    second and third injection among all (a blank cell of a non-initiator is 0: a later injection is
#                impossible without the first) and among initiators (blank = unknown, left out).
#  glmm          glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site), binomial, nAGQ = 1) on the site x
#                period x condition cells, bobyqa with a tight tolerance; and the same model on the individual
#                rows (glmer(initiated ~ ...)): loglik_cells, loglik (individual), aic, bic, nobs, df.
#                Wald: log_or, se (vcov, use.hessian = TRUE), z p-value, and the t reference with sites - 2 df
#                (2 * pt(-|z|, df), log_or +/- qt(0.975, df) * se).
#                profile: confint(fit, parm = "treat", method = "profile") on the individual-row fit (lme4's
#                profile of the Laplace deviance, with its spline interpolation of the signed root); profile_cells
#                the same on the cell fit; profile_roots and profile_cells_roots the signed root at each limit
#                by a direct refit with treat in the offset (+/-1.96 when the limit is right).
#                bootstrap: set.seed(20210316); PBmodcomp(full, null, nsim = B, cl = 1) on the cell fits (the null
#                model drops treat): the observed LRT statistic, its chi-square p, and pbkrtest's PB p-value
#                (1 + #{LRT* > LRT})/(1 + #{LRT* > 0}) (replicates whose LRT is not positive are dropped), with
#                the counts and the seconds it took.

suppressPackageStartupMessages({
  library(lme4)
  library(pbkrtest)
  library(jsonlite)
})

here <- "Tests/WedgeStatsTests/Fixtures/inference"
datasets <- "Tests/WedgeStatsTests/Fixtures/datasets"
files <- c(published = file.path(here, "published.csv"),
           swift = file.path(datasets, "swift.csv"), null = file.path(datasets, "null.csv"),
           sparse = file.path(datasets, "sparse.csv"), twelve = file.path(datasets, "twelve.csv"))
bootstrap_sims <- c(published = 400, swift = 400, null = 400, sparse = 0, twelve = 0)
tight <- glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5, rhoend = 1e-10))

wilson <- function(x, n) as.numeric(prop.test(x, n, correct = FALSE)$conf.int)
proportion <- function(x, n) {
  list(events = x, total = n, proportion = x / n, wilson = wilson(x, n),
       clopper_pearson = as.numeric(binom.test(x, n)$conf.int))
}

analyse <- function(name, path) {
  d <- read.csv(path, colClasses = c(site = "character", condition = "character"))
  d$treat <- as.integer(d$condition == "rapid")
  d$period <- factor(d$period)
  x1 <- sum(d$initiated[d$treat == 1]); n1 <- sum(d$treat == 1)
  x2 <- sum(d$initiated[d$treat == 0]); n2 <- sum(d$treat == 0)
  p1 <- x1 / n1; p2 <- x2 / n2; z <- qnorm(0.975)
  se <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  w1 <- wilson(x1, n1); w2 <- wilson(x2, n2)
  newcombe <- c(p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
  se_or <- sqrt(1 / x1 + 1 / (n1 - x1) + 1 / x2 + 1 / (n2 - x2))
  or <- (x1 / (n1 - x1)) / (x2 / (n2 - x2))
  out <- list(
    proportions = list(rapid = proportion(x1, n1), standard = proportion(x2, n2)),
    risk_difference = list(estimate = p1 - p2, wald = c(p1 - p2 - z * se, p1 - p2 + z * se), newcombe = newcombe),
    odds_ratio = list(estimate = or, woolf = exp(log(or) + c(-1, 1) * z * se_or)))

  injections <- list()
  for (col in intersect(c("second_injection", "third_injection"), names(d))) {
    v <- d[[col]]
    all <- ifelse(d$initiated == 0 & is.na(v), 0, v)
    among <- function(values, keep) {
      lapply(c(rapid = 1, standard = 0), function(t) {
        k <- keep & d$treat == t & !is.na(values)
        list(events = sum(values[k]), total = sum(k))
      })
    }
    injections[[col]] <- list(among_all = among(all, rep(TRUE, nrow(d))), among_initiators = among(v, d$initiated == 1))
  }
  out$injections <- injections

  cells <- aggregate(cbind(y = initiated, n = 1) ~ site + period + treat, data = d, FUN = sum)
  full <- glmer(cbind(y, n - y) ~ treat + period + (1 | site), family = binomial, data = cells, control = tight)
  null <- glmer(cbind(y, n - y) ~ period + (1 | site), family = binomial, data = cells, control = tight)
  individual <- glmer(initiated ~ treat + period + (1 | site), family = binomial, data = d, control = tight)
  b <- fixef(full)[["treat"]]; s <- sqrt(diag(as.matrix(vcov(full))))[2]
  sites <- length(unique(d$site)); df <- sites - 2
  ll <- logLik(individual)
  glmm <- list(
    log_or = b, se = s, site_sd = getME(full, "theta")[[1]],
    p_z = 2 * pnorm(-abs(b / s)), df = df, p_t = 2 * pt(-abs(b / s), df), t_interval = b + c(-1, 1) * qt(0.975, df) * s,
    loglik_cells = as.numeric(logLik(full)), loglik = as.numeric(ll), aic = AIC(individual), bic = BIC(individual),
    nobs = nobs(individual), parameters = attr(ll, "df"), individual_log_or = fixef(individual)[["treat"]],
    log_choose = sum(lchoose(cells$n, cells$y)))
  glmm$profile <- as.numeric(confint(individual, parm = "treat", method = "profile"))
  glmm$profile_cells <- as.numeric(confint(full, parm = "treat", method = "profile"))
  # The signed root zeta(b) = sign(b - b_hat) sqrt(2 (logLik(full) - logLik(refit with treat fixed at b))) at each
  # reported limit, by direct refits with the coefficient in the offset: +/-1.96 when lme4's spline found the root.
  root <- function(b) {
    cells$o <- b * cells$treat
    r <- glmer(cbind(y, n - y) ~ period + (1 | site) + offset(o), family = binomial, data = cells, control = tight)
    sign(b - fixef(full)[["treat"]]) * sqrt(max(0, 2 * (as.numeric(logLik(full)) - as.numeric(logLik(r)))))
  }
  glmm$profile_roots <- sapply(glmm$profile, root)
  glmm$profile_cells_roots <- sapply(glmm$profile_cells, root)
  B <- bootstrap_sims[[name]]
  if (B > 0) {
    started <- proc.time()
    set.seed(20210316)
    pb <- PBmodcomp(full, null, nsim = B, cl = 1)
    elapsed <- proc.time() - started
    glmm$bootstrap <- list(
      lrt = pb$test["LRT", "stat"], p_chisq = pb$test["LRT", "p.value"], p_pb = pb$test["PBtest", "p.value"],
      replicates = B, positive = unname(pb$samples["npos"]), n_extreme = pb$n.extreme,
      seconds = list(cpu = elapsed[["user.self"]] + elapsed[["sys.self"]], elapsed = elapsed[["elapsed"]]))
  }
  out$glmm <- glmm
  out
}

results <- list()
for (name in names(files)) {
  message("dataset ", name)
  results[[name]] <- analyse(name, files[[name]])
}
generator <- list(
  command = "Rscript Tests/WedgeStatsTests/Fixtures/inference/reference-inference.R",
  r = R.version.string, lme4 = as.character(packageVersion("lme4")),
  pbkrtest = as.character(packageVersion("pbkrtest")), date = as.character(Sys.Date()))
writeLines(toJSON(list(generator = generator, datasets = results), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(here, "inference.json"))
