//! `stackfit rules` and `stackfit explain`: load the rule set, hand it to its renderer.

use std::io::Write;

use super::write_result;
use crate::analysis::rules::RuleSet;
use crate::cli::{ExplainArgs, RulesArgs, RulesFormat, SourcesArgs};
use crate::error::Error;
use crate::render::rules as render;
use crate::tr;

pub fn list(args: RulesArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let set = RuleSet::load(args.rules.as_deref())?;
    let text = match args.format {
        RulesFormat::Json => render::json(&set),
        RulesFormat::Markdown => render::markdown(&set),
        RulesFormat::Table => render::table(&set),
    };
    write_result(out.write_all(text.as_bytes()))?;
    Ok(0)
}

pub fn explain(args: ExplainArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let set = RuleSet::load(args.rules.as_deref())?;
    let Some(r) = set.find(&args.rule) else {
        let close: Vec<&str> = set
            .rules
            .iter()
            .filter(|r| {
                strsim::levenshtein(&args.rule.to_ascii_uppercase(), &r.id) <= 3
                    || strsim::levenshtein(&args.rule, &r.name) <= 3
            })
            .map(|r| r.id.as_str())
            .collect();
        let hint = if close.is_empty() {
            String::new()
        } else {
            tr!("cmd-did-you-mean-rules", rules = close.join(", "))
        };
        return Err(Error::usage(tr!(
            "cmd-unknown-rule",
            rule = args.rule.as_str(),
            suggestion = hint
        )));
    };
    write_result(out.write_all(render::explain(r).as_bytes()))?;
    Ok(0)
}

pub fn sources(args: SourcesArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let set = RuleSet::load(args.rules.as_deref())?;
    write_result(out.write_all(render::sources(&set).as_bytes()))?;
    Ok(0)
}
