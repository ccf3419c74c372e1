# SPDX-License-Identifier: Apache-2.0
#
# Reference values for the validation datasets (issue 5), from lme4, geepack and survival.
# Run by hand, not by CI (the Swift tests read the committed reference.json and need no R).
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/datasets/reference.R Tests/WedgeStatsTests/Fixtures/datasets
#
# Generated with: see "generator" in reference.json (R, lme4, geepack and survival versions, the date and the
# CPU and elapsed seconds each dataset took; `large` needs about 3 CPU minutes with the reference BLAS). Debian packages r-base-core, r-cran-lme4, r-cran-geepack, r-cran-survival.
#
# Reads <name>.csv for name in swift, null, sparse, twelve, large: one row per participant with the
# `wedge export` columns site,period,condition,initiated,second_injection,retention_days,retention_event
# (see README.md in this folder and generate.py). treat = (condition == "rapid"); period is 1-based and
# enters as factor(period), first level the reference, so the fixed-effect columns are
# (Intercept), treat, factor(period)2, ..., factor(period)T.
#
# Writes reference.json: { "generator": {...}, "datasets": { name: { "counts", "glmm", "gee", "survival" } } }
# Numbers are printed with %.17g so they round-trip; NA, NaN and Inf are written as null.
#
#  counts   participants, sites, periods, initiated, cells (site x period x condition), zero_event_cells,
#           initiators (retention sample), retention_events: the Swift tests check their CSV reading
#           against these first.
#  glmm     glmer(cbind(events, n - events) ~ treat + factor(period) + (1 | site), family = binomial,
#           nAGQ = k) on site x period x condition binomial cells, for k = 1 ("nagq1") and 10 ("nagq10"),
#           control = glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)).
#           loglik = logLik(fit). For nAGQ > 1 lme4's logLik omits the saturated binomial log-likelihood
#           (its AGQ deviance is built from deviance residuals), so "saturated" = sum(dbinom(y, n, y/n, log))
#           is written too: logLik(nAGQ = 10) + saturated is on the full-likelihood scale of nAGQ = 1.
#           log_or = fixef(fit)["treat"], se = sqrt(diag(vcov(fit))) (use.hessian = TRUE, lme4's default),
#           site_sd = the random-intercept SD (getME(fit, "theta")), singular = isSingular(fit),
#           coefficients/standard_errors = all fixed effects in the column order above, messages = lme4's
#           convergence messages (empty when none).
#  gee      geeglm(initiated ~ treat + factor(period), id = site, family = binomial,
#           corstr = "exchangeable", control = geese.control(epsilon = 1e-10, maxit = 200)) on individual
#           rows sorted by site. source, coefficients, alpha, scale, converged, robust_se_summary
#           (summary()'s Std.err of treat) and standard errors of every coefficient: naive, robust, kc
#           (Kauermann & Carroll 2001, JASA 96:1387) and md (Mancl & DeRouen 2001, Biometrics 57:126).
#           geepack has neither correction, so kc and md come straight from the published formulas, with the
#           code of Fixtures/gee/reference.R (copied below, with a symmetric route to the KC root that large
#           clusters need; see that file's header for the algebra), on the
#           fitted values, alpha and scale; that code must reproduce the naive and robust covariances to 1e-8
#           (checked) before its kc and md are written.
#           For `large` (clusters of about 1,000) geeglm's dense n_i x n_i algebra takes far longer than the
#           5 minutes this script may take, so the fit comes from geeExchangeable below: the same estimating
#           equations and moment estimators in closed form, which the script first checks against geeglm
#           on the four other datasets (coefficients, alpha, scale, naive and robust covariances to 1e-8).
#  survival Among initiators (rows with retention_days), Surv(retention_days, retention_event):
#           km.standard / km.rapid: survfit(~ 1) per condition (conf.type "log"): n, events, and at
#           30 and 60 days (summary(..., times, extend = TRUE)) n_risk, surv, std_err (Greenwood SE of S),
#           lower, upper; median with its 0.95 CI (print.survfit's median, 0.95LCL, 0.95UCL).
#           logrank: survdiff(~ treat): chisq, df, p, observed and expected (standard, rapid).
#           cox: coxph(Surv ~ treat + factor(period), ties = "efron", cluster = site): coefficient of
#           treat, its model SE, robust SE (Lin & Wei 1989 grouped-dfbeta sandwich, coxph's robust.se),
#           loglik (initial, final).

suppressPackageStartupMessages({
  library(lme4)
  library(geepack)
  library(survival)
})

args <- commandArgs(trailingOnly = TRUE)
folder <- if (length(args) >= 1) args[1] else "."
names_ <- c("swift", "null", "sparse", "twelve", "large")

# ---- a small JSON writer (jsonlite is not needed) ------------------------------------------
num <- function(v) if (is.na(v) || !is.finite(v)) "null" else sprintf("%.17g", v)
json <- function(x, indent = 0) {
  pad <- strrep("  ", indent + 1)
  if (is.list(x)) {
    items <- vapply(seq_along(x), function(i) {
      paste0(pad, '"', names(x)[i], '": ', json(x[[i]], indent + 1))
    }, "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", strrep("  ", indent), "}"))
  }
  if (inherits(x, "AsIs") || length(x) != 1) {
    return(paste0("[", paste(vapply(x, function(v) json(v, indent), ""), collapse = ", "), "]"))
  }
  if (is.character(x)) return(paste0('"', gsub('(["\\\\])', "\\\\\\1", gsub("\n", " ", x)), '"'))
  if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
  num(x)
}

# ---- Kauermann-Carroll and Mancl-DeRouen: from Fixtures/gee/reference.R ---------------------
# The code of that file, with two changes. H's product is parenthesised so that no n_i x n_i x n_i product
# is formed. And the KC root (I - H_i)^-1/2 can be taken through a symmetric matrix: I - H = V^1/2 (I - S)
# V^-1/2 with S = V^-1/2 D B^-1 D' V^-1/2 symmetric, so (I - H)^-1/2 = V^1/2 (I - S)^-1/2 V^-1/2 from two
# symmetric eigen-decompositions. The general eigen-decomposition of the original fails on large clusters:
# I - H has the eigenvalue 1 with multiplicity n_i - p, and R's non-symmetric solver then returns a singular
# eigenvector matrix. Both roots are computed on the four smaller datasets and must agree to 1e-8.
sandwiches <- function(X, y, id, mu, alpha, phi, generalRoot = TRUE) {
  p <- ncol(X)
  a <- mu * (1 - mu)
  clusters <- split(seq_along(y), id)
  parts <- lapply(clusters, function(ix) {
    n <- length(ix)
    R <- matrix(alpha, n, n); diag(R) <- 1
    sa <- sqrt(a[ix])
    V <- phi * (sa %o% sa) * R
    D <- a[ix] * X[ix, , drop = FALSE]
    list(D = D, V = V, Vinv = solve(V), e = y[ix] - mu[ix], n = n)
  })
  B <- Reduce(`+`, lapply(parts, function(q) t(q$D) %*% q$Vinv %*% q$D))
  Binv <- solve(B)
  meat <- function(correct) Reduce(`+`, lapply(parts, function(q) {
    H <- (q$D %*% Binv) %*% (t(q$D) %*% q$Vinv)
    es <- correct(diag(q$n) - H, q$V) %*% q$e
    s <- t(q$D) %*% q$Vinv %*% es
    s %*% t(s)
  }))
  sqrtinv <- function(M, V) {
    ev <- eigen(M)
    stopifnot(all(abs(Im(ev$values)) < 1e-12), all(Re(ev$values) > 0))
    P <- Re(ev$vectors)
    P %*% diag(1 / sqrt(Re(ev$values)), nrow(M)) %*% solve(P)
  }
  symmetricSqrtinv <- function(M, V) {
    ev <- eigen(V, symmetric = TRUE)
    root <- ev$vectors %*% (sqrt(ev$values) * t(ev$vectors))
    rootInv <- ev$vectors %*% (1 / sqrt(ev$values) * t(ev$vectors))
    S <- rootInv %*% M %*% root
    es <- eigen((S + t(S)) / 2, symmetric = TRUE)
    stopifnot(all(es$values > 0))
    root %*% es$vectors %*% (1 / sqrt(es$values) * t(es$vectors)) %*% rootInv
  }
  kc <- Binv %*% meat(symmetricSqrtinv) %*% Binv
  if (generalRoot) {
    general <- Binv %*% meat(sqrtinv) %*% Binv
    stopifnot(max(abs(kc - general) / sqrt(diag(general) %o% diag(general))) < 1e-8)
  }
  list(naive = Binv,
       robust = Binv %*% meat(function(M, V) diag(nrow(M))) %*% Binv,
       kc = kc,
       md = Binv %*% meat(function(M, V) solve(M)) %*% Binv)
}

# ---- the analyses -----------------------------------------------------------------------------
glmmFit <- function(cells, k) {
  f <- glmer(cbind(events, n - events) ~ treat + factor(period) + (1 | site), data = cells,
             family = binomial, nAGQ = k,
             control = glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)))
  b <- fixef(f)
  se <- sqrt(diag(as.matrix(vcov(f))))
  list(loglik = as.numeric(logLik(f)),
       saturated = sum(dbinom(cells$events, cells$n, cells$events / cells$n, log = TRUE)),
       log_or = b[["treat"]], se = se[[2]], site_sd = getME(f, "theta")[[1]],
       singular = isSingular(f), coefficients = I(unname(b)), standard_errors = I(unname(se)),
       messages = I(as.character(unlist(f@optinfo$conv$lme4$messages))))
}

# An exchangeable logistic GEE solving geese's estimating equations, with geese's moment estimators
# (phi = mean squared Pearson residual, alpha = mean pairwise product / phi), in closed form per cluster:
# R(alpha)^-1 = (I - c 11') / (1 - alpha), c = alpha / (1 + (n - 1) alpha), so with W = A^1/2 X and Pearson
# residuals r, D'V^-1 D = W' R^-1 W / phi and D'V^-1 e = W' R^-1 r / phi. geepack forms dense n_i x n_i
# matrices and needs far more than 5 minutes for the 1,000-person clusters of `large`; this solver is checked
# against geeglm on the four other datasets (to 1e-8) before its `large` values are used.
geeExchangeable <- function(X, y, id, epsilon = 1e-10, maxit = 200) {
  groups <- split(seq_along(y), id)
  beta <- glm.fit(X, y, family = binomial())$coefficients
  moments <- function(beta) {
    mu <- plogis(drop(X %*% beta)); r <- (y - mu) / sqrt(mu * (1 - mu)); phi <- mean(r^2)
    pairs <- sum(vapply(groups, function(ix) (sum(r[ix])^2 - sum(r[ix]^2)) / 2, 0))
    count <- sum(vapply(groups, function(ix) length(ix) * (length(ix) - 1) / 2, 0))
    list(phi = phi, alpha = pairs / count / phi, mu = mu, r = r)
  }
  terms <- function(m, alpha) lapply(groups, function(ix) {
    n <- length(ix); k <- alpha / (1 + (n - 1) * alpha)
    W <- sqrt(m$mu[ix] * (1 - m$mu[ix])) * X[ix, , drop = FALSE]; w1 <- colSums(W)
    list(B = (crossprod(W) - k * tcrossprod(w1)) / ((1 - alpha) * m$phi),
         U = (drop(crossprod(W, m$r[ix])) - k * w1 * sum(m$r[ix])) / ((1 - alpha) * m$phi))
  })
  m <- moments(beta); alpha <- 0; converged <- FALSE
  for (it in seq_len(maxit)) {
    t <- terms(m, alpha)
    step <- solve(Reduce(`+`, lapply(t, `[[`, "B")), Reduce(`+`, lapply(t, `[[`, "U")))
    beta <- beta + step
    m2 <- moments(beta)
    change <- max(abs(step), abs(m2$phi - m$phi), abs(m2$alpha - alpha))
    m <- m2; alpha <- m2$alpha
    if (change <= epsilon) { converged <- TRUE; break }
  }
  t <- terms(m, alpha)
  Binv <- solve(Reduce(`+`, lapply(t, `[[`, "B")))
  meat <- Reduce(`+`, lapply(t, function(q) tcrossprod(q$U)))
  list(coefficients = unname(beta), alpha = alpha, phi = m$phi, mu = m$mu, converged = converged,
       naive = Binv, robust = Binv %*% meat %*% Binv)
}

geeFit <- function(d, useGeepack) {
  d <- d[order(d$site), ]
  X <- model.matrix(~ treat + factor(period), data = d)
  own <- geeExchangeable(X, d$initiated, as.integer(d$site))
  scaled <- function(a, b) max(abs(a - b) / sqrt(diag(b) %o% diag(b)))
  se <- function(m) I(unname(sqrt(diag(m))))
  if (useGeepack) {
    fit <- geeglm(initiated ~ treat + factor(period), id = site, data = d, family = binomial,
                  corstr = "exchangeable", control = geese.control(epsilon = 1e-10, maxit = 200))
    g <- fit$geese
    coefficients <- unname(coef(fit)); alpha <- unname(g$alpha); phi <- unname(g$gamma); mu <- fitted(fit)
    converged <- g$error == 0; robustSummary <- summary(fit)$coefficients[2, "Std.err"]
    # the closed-form solver must reproduce geepack before it is trusted on `large`
    stopifnot(max(abs(own$coefficients - coefficients)) < 1e-8, abs(own$alpha - alpha) < 1e-8,
              abs(own$phi - phi) < 1e-8, scaled(own$robust, g$vbeta) < 1e-8, scaled(own$naive, g$vbeta.naiv) < 1e-8)
    source <- "geepack::geeglm"
  } else {
    coefficients <- own$coefficients; alpha <- own$alpha; phi <- own$phi; mu <- own$mu
    converged <- own$converged; robustSummary <- sqrt(own$robust[2, 2])
    source <- "closed-form exchangeable GEE in reference.R (geeglm is too slow here), checked against geeglm on the other datasets"
  }
  sw <- sandwiches(X, d$initiated, as.integer(d$site), mu, alpha, phi, generalRoot = useGeepack)
  reference <- if (useGeepack) list(robust = g$vbeta, naive = g$vbeta.naiv) else own
  stopifnot(scaled(sw$robust, reference$robust) < 1e-8, scaled(sw$naive, reference$naive) < 1e-8)
  list(source = source, coefficients = I(coefficients), log_or = coefficients[2], alpha = alpha, scale = phi,
       converged = converged, robust_se_summary = robustSummary,
       se = list(naive = se(sw$naive), robust = se(sw$robust), kc = se(sw$kc), md = se(sw$md)))
}

kmFit <- function(r) {
  f <- survfit(Surv(retention_days, retention_event) ~ 1, data = r)
  s <- summary(f, times = c(30, 60), extend = TRUE)
  tab <- summary(f)$table
  at <- function(i) list(time = s$time[i], n_risk = s$n.risk[i], surv = s$surv[i], std_err = s$std.err[i],
                         lower = s$lower[i], upper = s$upper[i])
  list(n = nrow(r), events = sum(r$retention_event), at30 = at(1), at60 = at(2),
       median = list(estimate = tab[["median"]], lower = tab[["0.95LCL"]], upper = tab[["0.95UCL"]]))
}

survivalFits <- function(d) {
  r <- d[!is.na(d$retention_days), ]
  lr <- survdiff(Surv(retention_days, retention_event) ~ treat, data = r)
  df <- length(lr$n) - 1
  cox <- coxph(Surv(retention_days, retention_event) ~ treat + factor(period), data = r,
               ties = "efron", cluster = site)
  list(km = list(standard = kmFit(r[r$treat == 0, ]), rapid = kmFit(r[r$treat == 1, ])),
       logrank = list(chisq = lr$chisq, df = df, p = pchisq(lr$chisq, df, lower.tail = FALSE),
                      observed = I(unname(lr$obs)), expected = I(unname(lr$exp))),
       cox = list(coef = coef(cox)[["treat"]], se = sqrt(cox$naive.var[1, 1]),
                  robust_se = sqrt(cox$var[1, 1]), loglik = I(cox$loglik), iterations = cox$iter))
}

results <- list()
seconds <- list()
for (name in names_) {
  started <- proc.time()
  d <- read.csv(file.path(folder, paste0(name, ".csv")), stringsAsFactors = FALSE)
  stopifnot(all(d$condition %in% c("standard", "rapid")))
  d$treat <- as.integer(d$condition == "rapid")
  d$site <- factor(d$site)
  cells <- aggregate(cbind(events = initiated, n = 1) ~ site + period + treat, data = d, FUN = sum)
  results[[name]] <- list(
    counts = list(participants = nrow(d), sites = nlevels(d$site), periods = length(unique(d$period)),
                  initiated = sum(d$initiated), cells = nrow(cells),
                  zero_event_cells = sum(cells$events == 0),
                  initiators = sum(!is.na(d$retention_days)),
                  retention_events = sum(d$retention_event, na.rm = TRUE)),
    glmm = list(nagq1 = glmmFit(cells, 1L), nagq10 = glmmFit(cells, 10L)),
    gee = geeFit(d, useGeepack = name != "large"),
    survival = survivalFits(d))
  used <- proc.time() - started
  seconds[[name]] <- list(cpu = used[["user.self"]] + used[["sys.self"]], elapsed = used[["elapsed"]])
  cat(sprintf("%s: %d participants, %.1f s CPU, %.1f s elapsed\n", name, nrow(d), seconds[[name]]$cpu,
              seconds[[name]]$elapsed))
}

generator <- list(
  command = "Rscript Tests/WedgeStatsTests/Fixtures/datasets/reference.R Tests/WedgeStatsTests/Fixtures/datasets",
  r = R.version.string, lme4 = as.character(packageVersion("lme4")),
  geepack = as.character(packageVersion("geepack")), survival = as.character(packageVersion("survival")),
  date = format(Sys.Date()), seconds = seconds)
writeLines(json(list(generator = generator, datasets = results)), file.path(folder, "reference.json"))
