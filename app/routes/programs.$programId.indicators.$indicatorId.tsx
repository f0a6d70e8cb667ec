import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IndicatorForm } from "~/components/indicator-form";
import { pageTitle } from "~/components/page-title";
import type { ElementFormResult } from "~/services/element-form.server";
import { indicatorFormAction, indicatorFormLoader } from "~/services/indicators.server";
import { useProgramLayout } from "./programs.$programId";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export const loader = (args: LoaderFunctionArgs) => indicatorFormLoader(args, args.params.indicatorId);
export const action = (args: ActionFunctionArgs) => indicatorFormAction(args, args.params.indicatorId);

export default function EditIndicator() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { program, canEdit } = useProgramLayout();
  return <IndicatorForm {...data} programId={program.id} canEdit={canEdit} actionData={actionData as ElementFormResult | undefined} />;
}
