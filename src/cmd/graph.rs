//! `stackfit graph`: load the inputs, build the service graph, render it.

use std::io::Write;

use super::{printable, request, write_result};
use crate::analysis::graph::ServiceGraph;
use crate::cli::{GraphArgs, GraphFormat};
use crate::error::Error;
use crate::input;
use crate::report::GraphReport;
use crate::source::SourceMap;
use crate::tr;

pub fn run(args: GraphArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let req = request(&args.input)?;
    let mut sm = SourceMap::default();
    let model = input::load(&req, &mut sm)?;
    let graph = ServiceGraph::build(&model);
    let report = GraphReport::build(&model, &graph);
    let mut buf = Vec::new();
    let res = match args.format {
        GraphFormat::Json => crate::render::graph_json(&report, &mut buf),
        GraphFormat::Dot | GraphFormat::Mermaid => {
            let view = crate::report::picture::View {
                focus: args.focus.clone(),
                max_nodes: args.max_nodes,
            };
            let picture =
                crate::report::picture::Picture::build(&report, &view).map_err(Error::usage)?;
            if args.format == GraphFormat::Dot {
                crate::render::dot::render(&picture, &mut buf)
            } else {
                crate::render::mermaid::render(&picture, &mut buf)
            }
        }
    };
    res.map_err(|e| Error::usage(tr!("cmd-cannot-render-graph", why = e.to_string())))?;
    write_result(out.write_all(&printable(buf)))?;
    Ok(0)
}
