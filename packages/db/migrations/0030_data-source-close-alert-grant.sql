-- The close-on-resolve setting of a data source (0027) is edited by MSSP admins through the app role.
GRANT UPDATE (close_alert_target, close_alert_url, close_alert_credential) ON public.data_sources TO palisade_app;
