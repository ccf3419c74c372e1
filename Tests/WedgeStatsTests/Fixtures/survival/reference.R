# SPDX-License-Identifier: Apache-2.0
#
# Reference values for the WedgeStats survival tests (Kaplan-Meier, log-rank, Cox).
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/survival/reference.R Tests/WedgeStatsTests/Fixtures/survival
#
# Generated with R 4.2.2 and survival 3.5.3. Numbers are printed with sprintf("%.17g") so they
# round-trip; NA is written as an empty field. Writes:
#   data.csv     the simulated retention data set (415 participants, 6 sites, 5 periods)
#   km.csv       survfit rows: every distinct time, for several curves and conf.types
#   summary.csv  summary(survfit, times = ...) rows
#   median.csv   the median and its CI as print.survfit reports them
#   logrank.csv  survdiff (rho = 0): observed, expected, chisq, df, p
#   cox.csv      coxph (Efron ties): coefficients, SEs, robust SEs, log-likelihoods, tests
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
write_csv <- function(df, name) {
  write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE)
}

# ---- data.csv ---------------------------------------------------------------
# A cross-sectional stepped wedge: site s runs the rapid procedure from period s on
# (site 1 from the start, site 6 never). Exponential dropout times in whole days,
# site frailty, an age effect, random loss to follow-up and administrative censoring
# at 60 days, so ties are everywhere.
set.seed(20240517)
n <- 415
site <- sample(1:6, n, replace = TRUE)
period <- sample(1:5, n, replace = TRUE)
rapid <- as.integer(period >= site)
age <- round(rnorm(n, 38, 10))
frailty <- rnorm(6, 0, 0.35)
rate <- log(2) / 40 * exp(-0.45 * rapid + 0.015 * (age - 38) + frailty[site] + 0.08 * (period - 3))
latent <- ceiling(rexp(n, rate))
loss <- ceiling(runif(n, 5, 400))
time <- pmin(latent, loss, 60)
status <- as.integer(latent <= pmin(loss, 60))
d <- data.frame(id = 1:n, site = site, period = period, rapid = rapid, age = age,
                time = time, status = status)
write_csv(d, "data.csv")

# A tiny data set whose survival hits exactly 0.5 on a flat stretch (median = midpoint).
small <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), status = rep(1, 10))

# ---- km.csv -----------------------------------------------------------------
km_rows <- list()
add_km <- function(curve, conf, fit) {
  km_rows[[length(km_rows) + 1]] <<- data.frame(
    curve = curve, conf = conf, time = fmt(fit$time), n_risk = fit$n.risk,
    n_event = fit$n.event, n_censor = fit$n.censor, surv = fmt(fit$surv),
    std_err = fmt(fit$std.err), lower = fmt(fit$lower), upper = fmt(fit$upper))
}
curves <- list(
  all = function(ct) survfit(Surv(time, status) ~ 1, data = d, conf.type = ct),
  rapid = function(ct) survfit(Surv(time, status) ~ 1, data = d[d$rapid == 1, ], conf.type = ct),
  standard = function(ct) survfit(Surv(time, status) ~ 1, data = d[d$rapid == 0, ], conf.type = ct),
  small = function(ct) survfit(Surv(time, status) ~ 1, data = small, conf.type = ct))
for (cv in names(curves)) for (ct in c("log", "log-log", "plain")) {
  if (cv %in% c("rapid", "standard") && ct != "log") next
  add_km(cv, ct, curves[[cv]](ct))
}
write_csv(do.call(rbind, km_rows), "km.csv")

# ---- summary.csv --------------------------------------------------------------
sum_rows <- list()
at <- c(0, 7, 30, 45.5, 60)
for (cv in c("all", "rapid", "standard")) for (ct in c("log", "log-log", "plain")) {
  s <- summary(curves[[cv]](ct), times = at)
  sum_rows[[length(sum_rows) + 1]] <- data.frame(
    curve = cv, conf = ct, time = fmt(s$time), n_risk = s$n.risk, n_event = s$n.event,
    n_censor = s$n.censor, surv = fmt(s$surv), std_err = fmt(s$std.err),
    lower = fmt(s$lower), upper = fmt(s$upper))
}
write_csv(do.call(rbind, sum_rows), "summary.csv")

# ---- median.csv ----------------------------------------------------------------
med_rows <- list()
for (cv in names(curves)) for (ct in c("log", "log-log", "plain")) {
  tab <- summary(curves[[cv]](ct))$table
  med_rows[[length(med_rows) + 1]] <- data.frame(
    curve = cv, conf = ct, median = fmt(tab[["median"]]),
    lower = fmt(tab[["0.95LCL"]]), upper = fmt(tab[["0.95UCL"]]))
}
write_csv(do.call(rbind, med_rows), "median.csv")

# ---- logrank.csv ---------------------------------------------------------------
lr_rows <- list()
add_lr <- function(test, sd) {
  # With strata, survdiff keeps a groups x strata matrix; the test uses the row sums.
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  exp <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  lr_rows[[length(lr_rows) + 1]] <<- data.frame(
    test = test, group = c(sort(unique(sd$group)), NA, NA, NA),
    key = c(rep("group", length(obs)), "chisq", "df", "p"),
    observed = fmt(c(obs, sd$chisq, length(obs) - 1,
                     pchisq(sd$chisq, length(obs) - 1, lower.tail = FALSE))),
    expected = fmt(c(exp, NA, NA, NA)))
}
sd1 <- survdiff(Surv(time, status) ~ rapid, data = d); sd1$group <- d$rapid
add_lr("rapid", sd1)
sd2 <- survdiff(Surv(time, status) ~ site, data = d); sd2$group <- d$site
add_lr("site", sd2)
sd3 <- survdiff(Surv(time, status) ~ rapid + strata(period), data = d); sd3$group <- d$rapid
add_lr("rapid_strata_period", sd3)
write_csv(do.call(rbind, lr_rows), "logrank.csv")

# ---- cox.csv ------------------------------------------------------------------
cox_rows <- list()
add_cox <- function(model, fit) {
  # summary.coxph: z, p and the hazard-ratio CI use the robust SE when there is one.
  b <- coef(fit)
  se <- sqrt(diag(fit$naive.var %||% fit$var))
  rse <- if (is.null(fit$naive.var)) rep(NA, length(b)) else sqrt(diag(fit$var))
  s <- summary(fit)
  na4 <- rep(NA, 4)
  cox_rows[[length(cox_rows) + 1]] <<- data.frame(
    model = model, term = c(names(b), "loglik0", "loglik", "score", "iter"),
    coef = fmt(c(b, fit$loglik[1], fit$loglik[2], fit$score, fit$iter)),
    se = fmt(c(se, na4)), robust_se = fmt(c(rse, na4)),
    z = fmt(c(s$coefficients[, "z"], na4)), p = fmt(c(s$coefficients[, "Pr(>|z|)"], na4)),
    hr = fmt(c(s$conf.int[, "exp(coef)"], na4)),
    hr_lower = fmt(c(s$conf.int[, "lower .95"], na4)),
    hr_upper = fmt(c(s$conf.int[, "upper .95"], na4)))
}
`%||%` <- function(a, b) if (is.null(a)) b else a
add_cox("rapid", coxph(Surv(time, status) ~ rapid, data = d))
add_cox("rapid_age_cluster", coxph(Surv(time, status) ~ rapid + age, data = d, cluster = site))
add_cox("rapid_age_strata_cluster",
        coxph(Surv(time, status) ~ rapid + age + strata(period), data = d, cluster = site))
write_csv(do.call(rbind, cox_rows), "cox.csv")
